namespace Timeshare.Kernel.Processes;

/// <summary>
/// Every process not yet reaped, by pid. Pids are handed out in increasing
/// order and not reused within a run, so lookup is an array index.
/// </summary>
public sealed class ProcessTable
{
    public const int InitPid = 1;

    private readonly List<Process?> _byPid = [null];

    public int Count { get; private set; }

    /// <summary>The pid the next process will get.</summary>
    public int NextPid => _byPid.Count;

    public Process? Find(int pid) => pid > 0 && pid < _byPid.Count ? _byPid[pid] : null;

    internal void Add(Process p)
    {
        if (p.Pid != _byPid.Count) throw new KernelBugException($"pid {p.Pid} out of order");
        _byPid.Add(p);
        Count++;
    }

    /// <summary>A real init takes pid 1 from the resident one, before any other process exists.</summary>
    internal void ReplaceInit(Process init)
    {
        if (init.Pid != InitPid || _byPid.Count != InitPid + 1) throw new KernelBugException("init is replaced only before any process starts");
        _byPid[InitPid] = init;
    }

    internal void Remove(Process p)
    {
        if (_byPid[p.Pid] != p) throw new KernelBugException($"pid {p.Pid} is not in the table");
        _byPid[p.Pid] = null;
        Count--;
    }

    /// <summary>The live and zombie processes in pid order.</summary>
    public IEnumerable<Process> All()
    {
        foreach (var p in _byPid)
            if (p is not null) yield return p;
    }
}
