using System.Text;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Golden;

/// <summary>
/// Every recorded run of the reference simulators: a success must print the
/// same bytes; a failure must be refused with an error of ours.
/// </summary>
public class GoldenTests
{
    public static TheoryData<GoldenCase> ProcessRun() => GoldenCase.Cases("process-run");
    public static TheoryData<GoldenCase> ProcessRunDevices() => GoldenCase.Cases("process-run-devices");

    [Theory]
    [MemberData(nameof(ProcessRun))]
    public void Process_run_matches_the_reference(GoldenCase c) => Check(c);

    [Theory]
    [MemberData(nameof(ProcessRunDevices))]
    public void Process_run_devices_matches_the_reference(GoldenCase c) => Check(c);

    private static void Check(GoldenCase c)
    {
        var simulator = Simulators.Find(c.File) ?? throw new InvalidOperationException($"no simulator {c.File}");
        using var stdout = new MemoryStream();
        if (c.Exit == 0)
        {
            simulator.Run(c.Args, stdout);
            Assert.Equal(c.Stdout, Encoding.UTF8.GetString(stdout.ToArray()));
            return;
        }
        var error = Record.Exception(() => simulator.Run(c.Args, stdout));
        Assert.True(error is OstepError or OptionParseException, $"expected a refusal, got {error?.GetType().Name ?? "success"}");
        Assert.DoesNotContain('\n', error!.Message);
    }
}
