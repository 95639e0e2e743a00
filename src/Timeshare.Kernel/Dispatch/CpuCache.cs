using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Dispatch;

/// <summary>
/// One CPU's cache as OSTEP's multi.py models it. The warm list is ordered
/// most recently warmed first; a process that becomes warm goes to the front,
/// and while the working sets of the warm list exceed the size, the last one
/// is evicted and must warm again from the start. Warming counts only the
/// ticks a process runs on this CPU, and survives it running elsewhere.
/// Invariant: a process is in at most one of the warm and warming lists.
/// </summary>
public sealed class CpuCache(CacheOptions options)
{
    private readonly List<Process> _warm = [];
    private readonly List<Process> _warming = [];
    /// <summary>By pid: ticks still to run here before warm, for the processes warming.</summary>
    private readonly Dictionary<int, long> _warmupLeft = [];

    public CacheOptions Options { get; } = options;

    public bool IsWarm(Process p) => _warm.Contains(p);

    /// <summary>Work units <paramref name="p"/> does in a tick here.</summary>
    public int SpeedOf(Process p) => IsWarm(p) ? Options.WarmRate : 1;

    /// <summary><paramref name="p"/> was dispatched here: it starts warming, unless it is warm or warming already.</summary>
    public void Admit(Process p)
    {
        if (_warm.Contains(p) || _warming.Contains(p)) return;
        // With no warm-up a newcomer is warm at once; an evicted process still warms for a tick (multi.py's rule).
        if (Options.WarmupTicks == 0) MakeWarm(p);
        else StartWarming(p);
    }

    /// <summary><paramref name="p"/> ran a tick here.</summary>
    public void Ran(Process p)
    {
        if (!_warming.Contains(p)) return;
        if (--WarmupLeft(p) > 0) return;
        _warming.Remove(p);
        _warmupLeft.Remove(p.Pid);
        MakeWarm(p);
    }

    private ref long WarmupLeft(Process p) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_warmupLeft, p.Pid);

    private void StartWarming(Process p)
    {
        _warming.Add(p);
        _warmupLeft[p.Pid] = Options.WarmupTicks;
    }

    private void MakeWarm(Process p)
    {
        _warm.Insert(0, p);
        var total = 0L;
        foreach (var q in _warm) total += q.WorkingSet;
        while (total > Options.Size)
        {
            var evicted = _warm[^1];
            _warm.RemoveAt(_warm.Count - 1);
            StartWarming(evicted);
            total -= evicted.WorkingSet;
        }
    }
}
