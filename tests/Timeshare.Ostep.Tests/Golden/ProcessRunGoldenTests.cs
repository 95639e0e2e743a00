namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-intro's and file-devices' process-run.</summary>
public class ProcessRunGoldenTests
{
    public static TheoryData<GoldenCase> ProcessRun() => GoldenCase.Cases("process-run");
    public static TheoryData<GoldenCase> ProcessRunDevices() => GoldenCase.Cases("process-run-devices");

    [Theory]
    [MemberData(nameof(ProcessRun))]
    public void Process_run_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);

    [Theory]
    [MemberData(nameof(ProcessRunDevices))]
    public void Process_run_devices_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
