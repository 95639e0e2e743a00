using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Events;

/// <summary>A stretch of time a process spent in one state, in ticks, end exclusive.</summary>
public readonly record struct StateSegment(ProcessState State, long Start, long End);

/// <summary>Records, per process, the segments of time it spent in each state: what a Gantt chart draws.</summary>
public sealed class StateTimeline(long cyclesPerTick) : IKernelObserver
{
    private readonly Dictionary<int, List<StateSegment>> _segments = [];
    private readonly Dictionary<int, (ProcessState State, long Since)> _open = [];

    public void OnEvent(in KernelEvent e)
    {
        if (e.Kind != EventKind.StateChanged) return;
        var now = e.Time / cyclesPerTick;
        if (_open.Remove(e.Pid, out var open) && now > open.Since)
            SegmentsOf(e.Pid).Add(new StateSegment(open.State, open.Since, now));
        if (e.To != ProcessState.Zombie) _open[e.Pid] = (e.To, now);
    }

    /// <summary>The closed segments of <paramref name="pid"/>, in time order; empty if none.</summary>
    public IReadOnlyList<StateSegment> Of(int pid) => _segments.TryGetValue(pid, out var list) ? list : [];

    private List<StateSegment> SegmentsOf(int pid)
    {
        if (!_segments.TryGetValue(pid, out var list)) _segments[pid] = list = [];
        return list;
    }
}
