namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-sched-lottery's lottery.</summary>
public class LotteryGoldenTests
{
    public static TheoryData<GoldenCase> Lottery() => GoldenCase.Cases("lottery");

    [Theory]
    [MemberData(nameof(Lottery))]
    public void Lottery_matches_the_reference(GoldenCase c) => GoldenCheck.Matches(c);
}
