using Timeshare.Kernel.Metrics;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class MetricsTests
{
    [Fact]
    public void Jains_index_is_one_for_equal_shares_and_one_over_n_for_a_monopoly()
    {
        Assert.Equal(1.0, Fairness.Jain([0.5, 0.5, 0.5]), 12);
        Assert.Equal(0.25, Fairness.Jain([1, 0, 0, 0]), 12);
        Assert.Equal(0.9, Fairness.Jain([1, 2]), 12);
    }

    [Fact]
    public void A_run_reports_averages_utilization_and_throughput()
    {
        var k = Harness.Build(new Fifo(), ioLatency: 2);
        k.Spawn("A", "c2,i,c1");
        k.Spawn("B", "c3");
        k.Run();
        var m = RunMetrics.Of(k);
        // A computes 2 ticks and issues its I/O in the third; B runs 4-6; A finishes in tick 7.
        Assert.Equal(7, m.TotalTicks);
        Assert.Equal([7L, 6L], m.Processes.Select(p => p.Turnaround));
        Assert.Equal([0L, 3L], m.Processes.Select(p => p.Response));
        Assert.Equal(6.5, m.AverageTurnaround, 12);
        Assert.Equal(1.0, m.CpuUtilization[0], 12);
        Assert.Equal(2.0 / 7, m.IoUtilization, 12);
        Assert.Equal(200.0 / 7, m.Throughput, 12);
    }
}
