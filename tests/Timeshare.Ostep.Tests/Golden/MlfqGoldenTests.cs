namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-sched-mlfq's mlfq.py.</summary>
public class MlfqGoldenTests
{
    public static TheoryData<GoldenCase> Mlfq() => GoldenCase.Cases("mlfq");

    [Theory]
    [MemberData(nameof(Mlfq))]
    public void Mlfq_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
