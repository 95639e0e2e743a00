using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// xv6's scheduler: walk the process table from the slot after the process
/// that ran last, wrapping around, and run the first Ready one until it
/// blocks or exits. Order comes from pids, not from when a process became
/// Ready. OSTEP's process-run simulator schedules this way.
/// </summary>
public sealed class TableScan : ISchedulingPolicy
{
    private readonly SortedSet<int> _readyPids = [];
    private readonly Dictionary<int, Process> _byPid = [];
    private int _lastPid;

    public string Name => "scan";
    public int ReadyCount => _readyPids.Count;

    public void Admit(Process p) => Add(p);

    public Pick? PickNext(int cpu, long now)
    {
        if (_readyPids.Count == 0) return null;
        var max = _readyPids.Max;
        var p = (_lastPid < max ? FirstAllowed(_readyPids.GetViewBetween(_lastPid + 1, max), cpu) : null)
            ?? FirstAllowed(_readyPids, cpu);
        return p is null ? null : new Pick(p, Claim(p));
    }

    /// <summary>The first process in pid order of <paramref name="pids"/> allowed on <paramref name="cpu"/>.</summary>
    private Process? FirstAllowed(SortedSet<int> pids, int cpu)
    {
        foreach (var pid in pids)
            if (_byPid[pid].MayRunOn(cpu)) return _byPid[pid];
        return null;
    }

    public long Claim(Process p)
    {
        Remove(p);
        _lastPid = p.Pid;
        return Pick.Unlimited;
    }

    public void Remove(Process p)
    {
        if (!_readyPids.Remove(p.Pid)) throw new KernelBugException($"{p} is not Ready");
        _byPid.Remove(p.Pid);
    }

    public void OnExpired(Process p, long ran) => Add(p);
    public void OnPreempted(Process p, long ran) => Add(p);
    public void OnBlocked(Process p, long ran) { }
    public void OnWoken(Process p) => Add(p);
    public void OnExited(Process p) { }
    public bool ShouldPreempt(Process running, long ran) => false;

    private void Add(Process p)
    {
        if (!_readyPids.Add(p.Pid)) throw new KernelBugException($"{p} is Ready twice");
        _byPid[p.Pid] = p;
    }
}
