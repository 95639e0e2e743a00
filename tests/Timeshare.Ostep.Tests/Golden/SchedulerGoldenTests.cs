namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-sched's scheduler.</summary>
public class SchedulerGoldenTests
{
    public static TheoryData<GoldenCase> Scheduler() => GoldenCase.Cases("scheduler");

    [Theory]
    [MemberData(nameof(Scheduler))]
    public void Scheduler_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
