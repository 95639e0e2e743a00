using System.Text;

namespace Timeshare.Ostep.Tests.SchedLottery;

/// <summary>What the recorded runs cannot show: inputs the reference never finishes on.</summary>
public class LotteryFrontEndTests
{
    private static string Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        Simulators.Find("lottery")!.Run(args, stdout);
        return Encoding.UTF8.GetString(stdout.ToArray());
    }

    [Theory]
    [InlineData("-m", "1")]
    [InlineData("-m", "0", "-c")]
    [InlineData("-m", "-1")]
    [InlineData("-T", "1", "-c")]
    [InlineData("-T", "0")]
    public void Random_jobs_whose_every_draw_is_zero_are_refused_up_front(params string[] args)
    {
        var error = Assert.Throws<OstepError>(() => Run(args));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Limits_on_random_jobs_do_not_matter_when_none_are_drawn()
    {
        Assert.Contains("ARG maxlen 0", Run("-j", "0", "-m", "0", "-c"));
        Assert.Contains("Job 0 ( length = 2, tickets = 5 )", Run("-l", "2:5", "-T", "1", "-c"));
    }
}
