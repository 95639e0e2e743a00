namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-sched-multi's multi.py.</summary>
public class MultiGoldenTests
{
    public static TheoryData<GoldenCase> Multi() => GoldenCase.Cases("multi");

    [Theory]
    [MemberData(nameof(Multi))]
    public void Multi_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
