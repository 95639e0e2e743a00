using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A CFS-like fair scheduler. Each process accrues virtual runtime, its CPU
/// time scaled by 1024 / weight (Linux's nice-to-weight table), and the one
/// with the least runs next: over time every process gets CPU in proportion
/// to its weight. A turn lasts the target latency divided among the
/// runnable processes by weight, never less than the minimum granularity.
/// A newcomer starts at the smallest virtual runtime, so it can neither
/// monopolize nor starve; a sleeper returns at most half a latency behind,
/// and preempts the running process when it is that far behind.
/// Parameters (ticks): latency (default 6), granularity (default 1).
/// </summary>
public sealed class Cfs : ISchedulingPolicy, IProportionalShare
{
    public const long DefaultLatency = 6;
    public const long DefaultGranularity = 1;

    /// <summary>Virtual time is kept in 1/Scale ticks, so weights divide without losing the sum.</summary>
    private const long Scale = 1 << 20;

    private readonly SortedSet<(long Vruntime, int Pid)> _ready = [];
    private readonly Dictionary<int, Process> _byPid = [];
    private long[] _vruntime = new long[64];
    /// <summary>The weight each Ready process was queued with: nice may change while it waits.</summary>
    private int[] _queuedWeight = new int[64];
    private long _minVruntime;
    private long _readyWeight;

    public Cfs(long latency = DefaultLatency, long granularity = DefaultGranularity)
    {
        if (latency <= 0) throw new ArgumentOutOfRangeException(nameof(latency), "the target latency must be positive");
        if (granularity <= 0 || granularity > latency)
            throw new ArgumentOutOfRangeException(nameof(granularity), "the granularity must be positive and at most the latency");
        Latency = latency;
        Granularity = granularity;
    }

    public long Latency { get; }
    public long Granularity { get; }
    public string Name => $"cfs:latency={Latency},granularity={Granularity}";
    public int ReadyCount => _ready.Count;

    public double WeightOf(Process p) => NiceWeights.Of(p.Nice);

    /// <summary>The process's virtual runtime in ticks, as of its last time off the CPU.</summary>
    public double VirtualRuntime(Process p) => (double)Vruntime(p) / Scale;

    public void Admit(Process p)
    {
        Grow(p.Pid);
        _vruntime[p.Pid] = _minVruntime;
        Enqueue(p);
    }

    public Pick? PickNext(int cpu, long now)
    {
        var p = SortedReady.FirstAllowedOn(_ready, _byPid, key => key.Pid, cpu);
        return p is null ? null : new Pick(p, Claim(p));
    }

    public long Claim(Process p)
    {
        var share = Latency * NiceWeights.Of(p.Nice) / Math.Max(1, _readyWeight);
        Remove(p);
        return Math.Max(Granularity, share);
    }

    public void Remove(Process p)
    {
        if (!_ready.Remove((Vruntime(p), p.Pid))) throw new KernelBugException($"{p} is not Ready");
        _byPid.Remove(p.Pid);
        _readyWeight -= _queuedWeight[p.Pid];
    }

    public void OnExpired(Process p, long ran)
    {
        Charge(p, ran);
        Enqueue(p);
    }

    public void OnPreempted(Process p, long ran) => OnExpired(p, ran);

    public void OnBlocked(Process p, long ran) => Charge(p, ran);

    public void OnWoken(Process p)
    {
        // Sleeper credit, bounded: a long sleep does not buy a long monopoly.
        _vruntime[p.Pid] = Math.Max(Vruntime(p), _minVruntime - Latency * Scale / 2);
        Enqueue(p);
    }

    public void OnExited(Process p) { }

    public bool ShouldPreempt(Process running, long ran)
    {
        if (_ready.Count == 0) return false;
        var current = Vruntime(running) + Delta(running, ran);
        return _ready.Min.Vruntime + Granularity * Scale < current;
    }

    private long Vruntime(Process p) => _vruntime[p.Pid];

    private static long Delta(Process p, long ran) => ran * Scale * NiceWeights.NiceZero / NiceWeights.Of(p.Nice);

    private void Charge(Process p, long ran)
    {
        _vruntime[p.Pid] += Delta(p, ran);
        var floor = _ready.Count > 0 ? Math.Min(_ready.Min.Vruntime, Vruntime(p)) : Vruntime(p);
        _minVruntime = Math.Max(_minVruntime, floor);
    }

    private void Enqueue(Process p)
    {
        if (!_ready.Add((Vruntime(p), p.Pid))) throw new KernelBugException($"{p} is Ready twice");
        _byPid[p.Pid] = p;
        _queuedWeight[p.Pid] = NiceWeights.Of(p.Nice);
        _readyWeight += _queuedWeight[p.Pid];
    }

    private void Grow(int pid)
    {
        if (pid < _vruntime.Length) return;
        var size = Math.Max(_vruntime.Length * 2, pid + 1);
        Array.Resize(ref _vruntime, size);
        Array.Resize(ref _queuedWeight, size);
    }
}
