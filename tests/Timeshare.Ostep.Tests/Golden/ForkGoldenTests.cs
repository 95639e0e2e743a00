namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-api's fork.py.</summary>
public class ForkGoldenTests
{
    public static TheoryData<GoldenCase> Fork() => GoldenCase.Cases("fork");

    [Theory]
    [MemberData(nameof(Fork))]
    public void Fork_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
