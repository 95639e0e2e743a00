namespace Timeshare.Cli.Tests;

public class OstepCommandTests
{
    [Fact]
    public void Process_run_prints_the_reference_trace()
    {
        var (exit, stdout, _) = CliRunner.Run("ostep", "process-run", "-l", "2:100", "-c");
        Assert.Equal(0, exit);
        Assert.Equal("Time        PID: 0           CPU           IOs\n  1        RUN:cpu             1          \n  2        RUN:cpu             1          \n", stdout);
    }

    [Theory]
    [InlineData("process-run", "-q")]
    [InlineData("process-run", "-s", "08")]
    [InlineData("process-run", "-l", "5:50:1")]
    [InlineData("process-run", "-P", "x5")]
    [InlineData("process-run-devices", "-l", "1:0", "-L", "0", "-c")]
    [InlineData("multi", "-n", "0")]
    [InlineData("multi", "-r", "0")]
    [InlineData("no-such-simulator")]
    public void Bad_arguments_are_refused_in_one_line(params string[] args) =>
        CliRunner.AssertRefused(["ostep", .. args]);

    [Fact]
    public void Help_is_our_own_and_lists_the_flags()
    {
        var (exit, stdout, _) = CliRunner.Run("ostep", "process-run", "-h");
        Assert.Equal(0, exit);
        Assert.Contains("timeshare ostep process-run", stdout);
        Assert.Contains("--iolength", stdout);
        var (listExit, list, _) = CliRunner.Run("ostep", "--help");
        Assert.Equal(0, listExit);
        Assert.Contains("process-run-devices", list);
        Assert.Contains("multi", list);
    }
}
