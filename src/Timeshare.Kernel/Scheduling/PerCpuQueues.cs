using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Multi-queue scheduling: each CPU has its own round-robin queue, so a
/// process stays where its cache is warm, and CPUs never contend for one
/// queue. Newcomers are dealt to the CPUs like cards: the CPUs take turns,
/// each taking the first newcomer its affinity allows. A process that leaves
/// the CPU returns to the back (or, preempted, the front) of the queue of the
/// CPU it ran on. Load imbalance is repaired by stealing: every
/// <see cref="StealInterval"/> ticks each CPU whose queue is empty peeks at
/// the queue of one other CPU, chosen at random, and takes the first process
/// it may run (see <see cref="StealRule"/>). Interval 0: no stealing.
/// </summary>
public sealed class PerCpuQueues : ISchedulingPolicy, ILoadBalancer
{
    private readonly ReadyQueue[] _queues;
    /// <summary>Admitted but not yet dealt to a queue, in order of arrival.</summary>
    private readonly List<Process> _newcomers = [];
    private int _dealTurn;

    public PerCpuQueues(int cpus, long slice, long stealInterval = 0, StealRule rule = StealRule.Affinity)
    {
        if (cpus < 1) throw new ArgumentOutOfRangeException(nameof(cpus), "per-CPU queues need at least one CPU");
        if (slice <= 0) throw new ArgumentOutOfRangeException(nameof(slice), "the slice must be positive");
        if (stealInterval < 0) throw new ArgumentOutOfRangeException(nameof(stealInterval), "the steal interval must not be negative");
        _queues = [.. Enumerable.Range(0, cpus).Select(_ => new ReadyQueue())];
        (Slice, StealInterval, Rule) = (slice, stealInterval, rule);
    }

    public long Slice { get; }
    public long StealInterval { get; }
    public StealRule Rule { get; }
    public int Cpus => _queues.Length;
    /// <summary>Times a CPU with an empty queue wanted to steal but had no other CPU to steal from.</summary>
    public long StealsWithoutVictim { get; private set; }
    public string Name => $"percpu:q={Slice},steal={StealInterval}";
    public int ReadyCount { get; private set; }

    /// <summary>The queue of <paramref name="cpu"/>, front first (allocates: for observers).</summary>
    public IEnumerable<Process> QueueOf(int cpu) => _queues[cpu].InOrder();

    public void Admit(Process p)
    {
        _newcomers.Add(p);
        ReadyCount++;
    }

    public Pick? PickNext(int cpu, long now)
    {
        Deal();
        if (_queues[cpu].PopFirstAllowedOn(cpu) is not { } p) return null;
        ReadyCount--;
        return new Pick(p, Slice);
    }

    public long Claim(Process p)
    {
        Remove(p);
        return Slice;
    }

    public void Remove(Process p)
    {
        if (!_newcomers.Remove(p)) QueueHolding(p).Remove(p);
        ReadyCount--;
    }

    public void OnExpired(Process p, long ran) => Return(p, atFront: false);
    public void OnPreempted(Process p, long ran) => Return(p, atFront: true);
    public void OnBlocked(Process p, long ran) { }
    public void OnWoken(Process p) => Return(p, atFront: false);
    public void OnExited(Process p) { }
    public bool ShouldPreempt(Process running, long ran) => false;

    public void Balance(long tick, IRandomSource random)
    {
        Deal();
        if (StealInterval == 0 || tick == 0 || tick % StealInterval != 0) return;
        for (var cpu = 0; cpu < _queues.Length; cpu++)
            if (_queues[cpu].Count == 0) Steal(cpu, random);
    }

    private void Steal(int cpu, IRandomSource random)
    {
        if (_queues.Length == 1)
        {
            StealsWithoutVictim++;
            return;
        }
        // A draw among the other CPUs in CPU order, as random.choice would make it.
        var other = (int)random.NextBelow(_queues.Length - 1);
        var victim = _queues[other < cpu ? other : other + 1];
        foreach (var p in victim)
        {
            if (!MayStealTo(p, cpu)) continue;
            victim.Remove(p);
            _queues[cpu].PushBack(p);
            return;
        }
    }

    private bool MayStealTo(Process p, int cpu) => Rule == StealRule.Affinity
        ? p.MayRunOn(cpu)
        : p.Affinity is null || p.DeclaredLength == cpu || p.WorkingSet == cpu;

    /// <summary>
    /// Deals the newcomers: each CPU in turn takes the first one it may run.
    /// The kernel deals at every pick and tick; an observer may deal early to
    /// see the placement before the run.
    /// </summary>
    public void Deal()
    {
        while (_newcomers.Count > 0)
        {
            var cpu = _dealTurn;
            _dealTurn = (_dealTurn + 1) % _queues.Length;
            var i = _newcomers.FindIndex(p => p.MayRunOn(cpu));
            if (i < 0) continue;
            _queues[cpu].PushBack(_newcomers[i]);
            _newcomers.RemoveAt(i);
        }
    }

    private void Return(Process p, bool atFront)
    {
        if (p.Cpu < 0) _newcomers.Add(p);
        else if (atFront) _queues[p.Cpu].PushFront(p);
        else _queues[p.Cpu].PushBack(p);
        ReadyCount++;
    }

    private ReadyQueue QueueHolding(Process p) =>
        Array.Find(_queues, q => q.Contains(p)) ?? throw new KernelBugException($"{p} is not Ready");
}
