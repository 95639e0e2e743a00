using System.Text;
using Timeshare.Ostep.Mlfq;

namespace Timeshare.Ostep.Tests.Mlfq;

/// <summary>What the recorded runs cannot show: inputs the reference never finishes, and our help.</summary>
public class MlfqFrontEndTests
{
    [Theory]
    [InlineData("-l", "-3,10,0", "-c")]
    [InlineData("-l", "0,10,0:-1,5,2", "-c")]
    [InlineData("-l", "0,10,2", "-i", "-1", "-c")]
    public void Inputs_the_reference_never_finishes_are_refused_in_one_line(params string[] args)
    {
        var error = Assert.Throws<OstepError>(() => Simulators.Find("mlfq")!.Run(args, new MemoryStream()));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_negative_io_time_is_harmless_when_no_job_does_io()
    {
        var stdout = new MemoryStream();
        Simulators.Find("mlfq")!.Run(["-l", "0,3,0:0,2,5", "-i", "-1", "-c"], stdout);
        Assert.Contains("[ time 5 ] FINISHED JOB 1", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void Help_is_our_own_and_names_every_flag()
    {
        var stdout = new MemoryStream();
        Simulators.Find("mlfq")!.Run(["-h"], stdout);
        var help = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.StartsWith("usage: timeshare ostep mlfq", help);
        foreach (var flag in new[] { "-s", "-n", "-q", "-a", "-Q", "-A", "-j", "-m", "-M", "-B", "-i", "-S", "-I", "-l", "-c" })
            Assert.Contains($"  {flag}", help);
    }
}
