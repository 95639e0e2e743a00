using System.Text;
using Timeshare.Ostep.Scheduler;

namespace Timeshare.Ostep.Tests.Scheduler;

public class SchedulerFrontEndTests
{
    [Theory]
    [InlineData("-p RR -q 0 -l 3 -c")]
    [InlineData("-p RR -q -2 -c")]
    [InlineData("-p RR -l inf,1 -c")]
    [InlineData("-p RR -l 1e12,3 -c")]
    [InlineData("-p SJF -l 0.1,0.10000000001,1e12 -c")]
    [InlineData("-l nan -c")]
    [InlineData("-j 0 -c")]
    public void Input_the_reference_never_finishes_or_the_kernel_cannot_plan_is_refused_before_any_output(string args)
    {
        using var stdout = new MemoryStream();
        var error = Assert.Throws<OstepError>(() => Simulators.Find("scheduler")!.Run(args.Split(' '), stdout));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, stdout.Length);
    }

    [Fact]
    public void Without_minus_c_the_same_input_is_only_listed()
    {
        using var stdout = new MemoryStream();
        Simulators.Find("scheduler")!.Run(["-p", "RR", "-q", "0", "-l", "inf"], stdout);
        Assert.Contains("  Job 0 ( length = inf )", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Theory]
    [InlineData("5,10.25", 2, new long[] { 500, 1025 })]
    [InlineData("0.30000000000000004", 9, new long[] { 300000001 })]
    [InlineData("1e16,1e-7,-3", -7, new long[] { 1000000000, 1, 0 })]
    public void Lengths_become_ticks_at_the_finest_decimal_scale_that_fits_a_cpu_step(string list, int decimals, long[] work)
    {
        var jobs = JobList.From(new SchedulerOptions { JobList = list });
        var scale = TimeScale.For(jobs);
        Assert.Equal(decimals, scale.Decimals);
        Assert.Equal(work, jobs.Select(scale.Work));
    }

    [Fact]
    public void Sjf_declares_negative_lengths_so_they_still_run_first()
    {
        var jobs = JobList.From(new SchedulerOptions { JobList = "0,-3,-1.5" });
        var scale = TimeScale.For(jobs);
        Assert.Equal([0L, -30, -15], jobs.Select(scale.Declared));
        Assert.All(jobs, j => Assert.Equal(0, scale.Work(j)));
    }
}
