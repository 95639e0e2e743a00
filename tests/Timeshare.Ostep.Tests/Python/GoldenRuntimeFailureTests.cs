using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

/// <summary>
/// Golden runs that exit 1 get past optparse and die inside the simulator. Those that die in a Python
/// built-in this library emulates must raise here too, so front-ends can fail at the same point.
/// </summary>
public class GoldenRuntimeFailureTests
{
    [Theory]
    [InlineData("a")]   // process-run -l a:50, lottery -l a:1, multi -A a:x
    [InlineData("")]    // process-run -P c: int('') of the count after 'c'
    [InlineData("1.5")] // multi -L a:1.5:10
    [InlineData("x")]   // mlfq -Q 10,x
    public void IntOfBadTextIsAValueError(string text) =>
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyInt.Parse(text)).Kind);

    [Theory]
    [InlineData("x")] // process-run -l 5:x
    [InlineData("a")] // scheduler -l a,b
    [InlineData("")]  // scheduler -l 1,,2
    public void FloatOfBadTextIsAValueError(string text) =>
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyFloat.Parse(text)).Kind);

    [Fact]
    public void SchedulerPrintsNanJobThenDiesOnPercentD()
    {
        double nan = PyFloat.Parse("nan"); // scheduler -l nan,1 -c
        Assert.Equal("  Job 0 ( length = nan )", "  Job 0 ( length = " + PyFormat.Str(nan) + " )");
        Assert.Equal("Run job 0 for nan secs ( DONE at nan )", PyFormat.Format("Run job %d for %.2f secs ( DONE at %.2f )", 0, nan, 0 + nan));
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyFormat.Format("%3d", nan)).Kind);
    }

    [Fact]
    public void ZeroDivisors()
    {
        // lottery -l 10:0 -c: r % tickTotal with no tickets; multi -q 0 -c: system_time % 0
        Assert.Equal(PythonErrorKind.ZeroDivisionError, Assert.Throws<PythonError>(() => PyArithmetic.Mod(511275L, 0L)).Kind);
        // scheduler -j 0 -c: responseSum / count with no jobs
        Assert.Equal(PythonErrorKind.ZeroDivisionError, Assert.Throws<PythonError>(() => PyArithmetic.Divide(0.0, 0)).Kind);
    }

    [Fact]
    public void StealingFromNoOtherCpuIsAnIndexError()
    {
        // multi -n 1 -p -P 5 -c: random.choice of the (empty) list of other CPUs
        var random = new PythonRandom(0);
        Assert.Equal(PythonErrorKind.IndexError, Assert.Throws<PythonError>(() => random.Choice(new List<int>())).Kind);
    }
}
