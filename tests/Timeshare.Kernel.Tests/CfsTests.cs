using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class CfsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 5)]
    [InlineData(-3, 2)]
    public void Cpu_shares_follow_nice_weights(int niceA, int niceB)
    {
        var k = Harness.Build(new Cfs());
        var a = k.Spawn("A", "c100000");
        var b = k.Spawn("B", "c100000");
        k.Api.SetNice(a.Pid, niceA);
        k.Api.SetNice(b.Pid, niceB);
        k.Run(untilTick: 30_000);
        k.Api.Kill(a.Pid);
        k.Api.Kill(b.Pid);
        var expected = (double)NiceWeights.Of(niceA) / NiceWeights.Of(niceB);
        var actual = (double)a.Time.Cpu / b.Time.Cpu;
        Assert.InRange(actual / expected, 0.97, 1.03);
    }

    [Fact]
    public void A_newcomer_starts_at_the_least_virtual_runtime_and_does_not_monopolize()
    {
        var k = Harness.Build(new Cfs());
        var old = k.Spawn("old", "c2000");
        var late = k.Spawn("late", "c2000", arrival: 1000);
        k.Run(untilTick: 2000);
        // From tick 1000 on, the two share the CPU about equally.
        Assert.InRange(late.Time.Cpu, 400, 600);
        Assert.InRange(old.Time.Cpu, 1400, 1600);
    }

    [Fact]
    public void The_slice_is_the_latency_divided_by_weight_but_at_least_the_granularity()
    {
        var k = Harness.Build(new Cfs(latency: 6, granularity: 2));
        for (var i = 0; i < 6; i++) k.Spawn($"P{i}", "c20");
        var recorder = new EventRecorder();
        k.Attach(recorder);
        k.Run();
        var timers = recorder.Events.Count(e => e.Kind == Events.EventKind.TimerInterrupt);
        // Six equal processes: 6/6 = 1 tick each, raised to the 2-tick granularity.
        Assert.InRange(timers, 50, 60);
    }

    [Fact]
    public void A_woken_sleeper_preempts_a_hog_that_is_far_ahead()
    {
        long SleeperWait(ISchedulingPolicy policy)
        {
            var k = Harness.Build(policy, ioLatency: 3);
            var sleeper = k.Spawn("io", "i,c1,i,c1,i,c1");
            var hog = k.Spawn("hog", "c200");
            k.Run();
            Assert.Equal(200, hog.Time.Cpu);
            return sleeper.Time.Ready;
        }
        // Each wake-up preempts the hog at once under CFS; round robin makes the sleeper wait out the hog's slice.
        Assert.Equal(0, SleeperWait(new Cfs(latency: 20, granularity: 1)));
        Assert.True(SleeperWait(new RoundRobin(20)) >= 30);
    }

    [Fact]
    public void Bad_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cfs(latency: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cfs(latency: 4, granularity: 5));
        Assert.Equal("cfs:latency=12,granularity=1", PolicySpec.Parse("cfs:latency=12").Name);
    }
}
