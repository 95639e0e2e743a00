using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// The shared mechanics of the policies that run the Ready process with the
/// least work (SJF, STCF): a ready set ordered by a length in ticks, ties
/// broken by arrival time, then pid, so that equal jobs run in the order they
/// came. Every decision is O(log n). Each process must declare its length
/// (<see cref="Process.DeclaredLength"/>); one that did not is refused when it
/// becomes Ready, with <see cref="PolicyError"/>.
/// </summary>
public abstract class LengthPolicy : ISchedulingPolicy
{
    private readonly SortedSet<(long Length, long Arrival, int Pid)> _ready = [];
    private readonly Dictionary<int, Process> _byPid = [];

    public abstract string Name { get; }
    public int ReadyCount => _ready.Count;

    /// <summary>
    /// The length <paramref name="p"/> is ordered by. It must not change while
    /// <paramref name="p"/> is Ready: the ready set finds it by this key.
    /// </summary>
    protected abstract long LengthOf(Process p);

    public void Admit(Process p) => Add(p);

    public Pick? PickNext(int cpu, long now)
    {
        var p = SortedReady.FirstAllowedOn(_ready, _byPid, key => key.Pid, cpu);
        return p is null ? null : new Pick(p, Claim(p));
    }

    /// <summary>Length policies have no timer: a turn ends when the process blocks, exits or is preempted.</summary>
    public long Claim(Process p)
    {
        Remove(p);
        return Pick.Unlimited;
    }

    public void Remove(Process p)
    {
        if (!_ready.Remove(KeyOf(p))) throw new KernelBugException($"{p} is not Ready");
        _byPid.Remove(p.Pid);
    }

    public virtual void OnExpired(Process p, long ran) => Add(p);
    public virtual void OnPreempted(Process p, long ran) => Add(p);
    public virtual void OnBlocked(Process p, long ran) { }
    public void OnWoken(Process p) => Add(p);
    public virtual void OnExited(Process p) { }
    public abstract bool ShouldPreempt(Process running, long ran);

    /// <summary>The length of the shortest Ready process, if any.</summary>
    protected long? ShortestReady => _ready.Count == 0 ? null : _ready.Min.Length;

    /// <summary>The declared length of <paramref name="p"/>; refuses a process without one.</summary>
    protected long Declared(Process p) =>
        p.DeclaredLength ?? throw new PolicyError($"{Name} needs a declared length for every process; '{p.Name}' has none");

    private (long, long, int) KeyOf(Process p) => (LengthOf(p), p.Time.Arrival, p.Pid);

    private void Add(Process p)
    {
        if (!_ready.Add(KeyOf(p))) throw new KernelBugException($"{p} is Ready twice");
        _byPid[p.Pid] = p;
    }
}
