using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class MlfqTests
{
    private const int Top = 2;

    private static Mlfq Policy(long quantum, long allotment = 1, long boost = 0, bool reset = false) =>
        new(MlfqOptions.Uniform(3, quantum, allotment) with { BoostPeriod = boost, ResetOnBlock = reset });

    /// <summary>"c1,i" <paramref name="times"/> times: a tick of work, then an I/O.</summary>
    private static string Interactive(int times) => string.Join(",", Enumerable.Repeat("c1,i", times));

    [Fact]
    public void A_new_job_starts_at_the_top_and_preempts_a_job_below()
    {
        var mlfq = Policy(quantum: 2);
        var k = Harness.Build(mlfq);
        var standings = new StandingRecorder(k, mlfq);
        k.Spawn("A", "c10");
        var b = k.Spawn("B", "c2", arrival: 5);
        Assert.Equal("A A A A A B B A A A A A", k.Timeline());
        Assert.Equal(Top, standings.Of(b)[0].Level);
        Assert.Equal(0, b.Time.Response);
    }

    [Fact]
    public void A_cpu_hog_sinks_one_level_per_allotment()
    {
        var mlfq = Policy(quantum: 3, allotment: 2);
        var k = Harness.Build(mlfq);
        var standings = new StandingRecorder(k, mlfq);
        var hog = k.Spawn("H", "c20");
        var other = k.Spawn("O", "c20");
        k.Run();
        // Each dispatch is one quantum; two quanta per level.
        Assert.Equal([2, 2, 1, 1, 0, 0, 0], standings.Of(hog).Select(s => s.Level).Take(7));
        Assert.Equal([2, 2, 1, 1, 0, 0, 0], standings.Of(other).Select(s => s.Level).Take(7));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(20, true)]
    public void A_boost_lifts_a_starved_job(long boost, bool finishesFirst)
    {
        // B and C stay at the top (their bursts fit a quantum that blocking renews) and keep the CPU busy.
        var k = Harness.Build(Policy(quantum: 3, boost: boost, reset: true), ioLatency: 1);
        var starved = k.Spawn("A", "c10");
        var b = k.Spawn("B", Interactive(30));
        k.Spawn("C", Interactive(30));
        k.Run();
        Assert.Equal(finishesFirst, starved.Time.Finish < b.Time.Finish);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Boosts_give_the_same_schedule_stepping_tick_by_tick_or_jumping_ahead(int seed)
    {
        (long, long)[] Run(bool observeTicks)
        {
            var random = new Random(seed);
            var k = Harness.Build(Policy(quantum: random.Next(1, 5), boost: random.Next(3, 9)), ioLatency: random.Next(0, 4));
            for (var i = 0; i < 4; i++) k.Spawn($"P{i}", random.Next(2) == 0 ? "c12" : Interactive(6), arrival: random.Next(0, 6));
            if (observeTicks) k.Attach(new TimelineRecorder());
            k.Run();
            return [.. k.Api.Created.Select(p => (p.Time.Finish, p.Time.Ready))];
        }
        Assert.Equal(Run(false), Run(true));
    }

    [Theory]
    [InlineData(true, Top)]
    [InlineData(false, 0)]
    public void Renewing_the_allotment_on_io_keeps_an_interactive_job_high(bool reset, int lowest)
    {
        var mlfq = Policy(quantum: 3, reset: reset);
        var k = Harness.Build(mlfq, ioLatency: 2);
        var standings = new StandingRecorder(k, mlfq);
        var interactive = k.Spawn("I", Interactive(20));
        k.Spawn("H", "c100");
        k.Run();
        Assert.Equal(lowest, standings.Of(interactive).Min(s => s.Level));
    }

    [Fact]
    public void Yielding_just_before_each_slice_ends_does_not_escape_demotion()
    {
        // Bursts of 3 ticks (two of work, one to start the I/O) under a quantum of 4.
        var mlfq = Policy(quantum: 4, allotment: 2);
        var k = Harness.Build(mlfq, ioLatency: 1);
        var standings = new StandingRecorder(k, mlfq);
        var gamer = k.Spawn("G", string.Join(",", Enumerable.Repeat("c2,i", 10)));
        k.Spawn("H", "c100");
        k.Run();
        var demoted = standings.Of(gamer).First(s => s.Level < Top);
        Assert.Equal(Top - 1, demoted.Level);
        Assert.Equal(4 * 2, demoted.CpuSoFar);
    }

    [Theory]
    [InlineData(true, "B A B B A A A A A")]
    [InlineData(false, "B A A A A A A B B")]
    public void A_job_woken_to_the_front_runs_before_the_job_it_preempts(bool toFront, string expected)
    {
        var mlfq = new Mlfq(MlfqOptions.Uniform(1, 10, 1) with { WokenToFront = toFront });
        var k = Harness.Build(mlfq, ioLatency: 1);
        k.Spawn("B", "i,c2");
        k.Spawn("A", "c6");
        // B's I/O ends at tick 2 while A runs at the same level.
        Assert.Equal(expected, k.Timeline());
    }

    [Fact]
    public void The_spec_names_levels_quanta_allotments_and_boost()
    {
        var policy = PolicySpec.Parse("mlfq:levels=4,q=10,boost=100");
        Assert.Equal("mlfq:levels=4,q=10,allot=1,boost=100", policy.Name);
        Assert.Equal("mlfq:levels=3,q=40/20/10,allot=1,bump=1", PolicySpec.Parse("mlfq:q=40/20/10,bump=1").Name);
        Assert.Throws<FormatException>(() => PolicySpec.Parse("mlfq:q=10/20,levels=3"));
        Assert.Throws<FormatException>(() => PolicySpec.Parse("mlfq:reset=2"));
    }

    private sealed record Standing(int Level, long TicksLeft, long CpuSoFar);

    /// <summary>Each job's standing in the policy whenever it is dispatched, with the CPU it had used by then.</summary>
    private sealed class StandingRecorder : IKernelObserver
    {
        private readonly Kernel _kernel;
        private readonly Mlfq _policy;
        private readonly Dictionary<int, List<Standing>> _byPid = [];

        public StandingRecorder(Kernel kernel, Mlfq policy)
        {
            (_kernel, _policy) = (kernel, policy);
            kernel.Attach(this);
        }

        public List<Standing> Of(Process p) => _byPid[p.Pid];

        public void OnEvent(in KernelEvent e)
        {
            if (e is not { Kind: EventKind.StateChanged, To: ProcessState.Running }) return;
            var p = _kernel.Table.Find(e.Pid)!;
            var s = _policy.StandingOf(p);
            if (!_byPid.TryGetValue(e.Pid, out var list)) _byPid[e.Pid] = list = [];
            list.Add(new Standing(s.Level, s.TicksLeft, p.Time.Cpu));
        }
    }
}
