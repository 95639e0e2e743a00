using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Tests;

/// <summary>
/// The kernel's invariants, checked after every tick of random workloads
/// under every policy and dispatcher option.
/// </summary>
public class InvariantTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invariants_hold_after_every_tick(int seed)
    {
        var random = new Random(seed);
        ISchedulingPolicy policy = (seed % 8) switch
        {
            0 => new Fifo(),
            1 => new RoundRobin(random.Next(1, 4)),
            2 => new Sjf(),
            3 => new Stcf(),
            4 => new Cfs(random.Next(2, 8), 1),
            5 => random.Next(2) == 0 ? new Lottery(new SeededRandom(seed), random.Next(1, 4)) : new Stride(random.Next(1, 4)),
            6 => new Mlfq(MlfqOptions.Uniform(random.Next(1, 4), random.Next(1, 4), random.Next(1, 3)) with { BoostPeriod = random.Next(0, 12), ResetOnBlock = random.Next(2) == 0, WokenToFront = random.Next(2) == 0 }),
            _ => new TableScan(),
        };
        // Forked children declare no length, which the length policies refuse.
        var firstDepth = policy is LengthPolicy ? MaxForkDepth : 0;
        var k = Harness.Build(policy, ioLatency: random.Next(0, 6), dispatch: new DispatchOptions
        {
            Wake = random.Next(2) == 0 ? WakePolicy.WaitTurn : WakePolicy.RunAtOnce,
            HoldCpuDuringIo = random.Next(4) == 0,
            SwitchCost = random.Next(0, 3),
        }, cpus: seed % 3 == 0 ? 1 + seed % 4 : 1, orphans: random.Next(2) == 0 ? OrphanAdoption.Children : OrphanAdoption.WholeSubtree);
        var count = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            var p = k.Spawn($"P{i}", new ScriptExecutor(RandomScript(random, firstDepth)), random.Next(0, 10), length: random.Next(0, 12));
            if (random.Next(3) == 0) k.Api.SetSubreaper(p.Pid);
        }
        var checker = new InvariantChecker(k);
        k.Attach(checker);
        Assert.Equal(RunOutcome.Finished, k.Run(untilTick: 100_000));
        Assert.True(checker.Ticks > 0);
        Assert.Equal(0, k.Api.LiveCount);
        Assert.Equal(1, k.Table.Count);
        foreach (var p in k.Api.Created)
        {
            Assert.Equal(ProcessState.Zombie, p.State);
            var t = p.Time;
            Assert.Equal(t.Finish - t.Arrival, t.Running + t.Ready + t.Blocked + t.Stopped);
            Assert.InRange(t.FirstRun, t.Arrival, t.Finish);
        }
        // CPU time is work plus at most one stalled tick per process, the tick in which its exit is noticed.
        var cpus = k.Dispatcher.Processors;
        Assert.InRange(k.Api.Created.Sum(p => p.Time.Cpu) - cpus.Sum(c => c.BusyTime), 0, k.Api.Created.Count);
        Assert.Equal(k.Api.Created.Sum(p => p.Time.Switching), cpus.Sum(c => c.SwitchTime));
        Assert.All(cpus, c => Assert.InRange(c.BusyTime + c.SwitchTime, 0, k.Clock.Now));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Stepping_tick_by_tick_gives_the_same_schedule_as_jumping_ahead(int seed)
    {
        (long, long, long)[] Run(bool observeTicks)
        {
            var random = new Random(seed);
            var k = Harness.Build(new RoundRobin(random.Next(1, 5)), ioLatency: random.Next(0, 6));
            for (var i = 0; i < 5; i++) k.Spawn($"P{i}", new ScriptExecutor(RandomScript(random, 0)), random.Next(0, 10));
            if (observeTicks) k.Attach(new TimelineRecorder());
            k.Run();
            return [.. k.Api.Created.Select(p => (p.Time.Finish, p.Time.Ready, p.Time.Blocked))];
        }
        Assert.Equal(Run(false), Run(true));
    }

    private const int MaxForkDepth = 2;

    private static Script RandomScript(Random random, int depth)
    {
        var steps = new List<Step>();
        var length = random.Next(0, 7);
        for (var i = 0; i < length; i++)
        {
            steps.Add(random.Next(10) switch
            {
                < 5 => Step.Cpu(random.Next(0, 6)),
                < 7 => Step.Io,
                7 when depth < MaxForkDepth => Step.Fork(RandomScript(random, depth + 1)),
                8 => Step.Wait(),
                9 => Step.Sleep(random.Next(0, 4)),
                _ => Step.Cpu(1),
            });
        }
        if (random.Next(8) == 0) steps.Add(Step.Exit(random.Next(0, 3)));
        return new Script(steps);
    }

    private sealed class InvariantChecker(Kernel kernel) : ITickObserver
    {
        public int Ticks { get; private set; }

        public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
        {
            Ticks++;
            var live = kernel.Table.All().Where(p => p.Pid != ProcessTable.InitPid && p.IsAlive).ToList();
            Assert.Equal(kernel.Api.LiveCount, live.Count);
            Assert.Equal(live.Count(p => p.State == ProcessState.Ready), kernel.Policy.ReadyCount);
            foreach (var cpu in kernel.Dispatcher.Processors)
            {
                if (cpu.Current is { } owner) Assert.Equal(cpu.Id, owner.Cpu);
                Assert.True(cpu.Current is null or { State: ProcessState.Running or ProcessState.Blocked });
            }
            // At most one Running process per CPU, and every Running process is on one.
            var running = live.Where(p => p.State == ProcessState.Running).ToList();
            Assert.Equal(running.Count, running.Select(p => p.Cpu).Distinct().Count());
            Assert.All(running, p => Assert.Same(p, kernel.Dispatcher.Processors[p.Cpu].Current));
            // Work conservation: no free CPU while someone is Ready.
            if (kernel.Policy.ReadyCount > 0) Assert.DoesNotContain(kernel.Dispatcher.Processors, c => c.IsFree);
            Assert.Equal(tick * kernel.CyclesPerTick, kernel.Clock.Now);
            // The family links agree: every process not yet reaped is listed by its parent, whose count matches its list.
            foreach (var p in kernel.Table.All())
            {
                var children = p.Children.ToList();
                Assert.Equal(p.ChildCount, children.Count);
                Assert.All(children, c => Assert.Same(p, c.Parent));
                if (p.Pid != ProcessTable.InitPid) Assert.Contains(p, p.Parent!.Children);
            }
        }
    }
}
