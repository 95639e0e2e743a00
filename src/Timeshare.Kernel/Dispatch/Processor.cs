using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Dispatch;

/// <summary>
/// The kernel's record of one CPU. Invariant: <see cref="Current"/> is null,
/// Running, or Blocked while holding the CPU for its I/O.
/// </summary>
public sealed class Processor(int id)
{
    public int Id { get; } = id;
    public Process? Current { get; internal set; }
    /// <summary>The process that last ran here: switching back to it costs nothing.</summary>
    public Process? Last { get; internal set; }

    /// <summary>Cycles left in the current slice; <see cref="long.MaxValue"/> for no limit.</summary>
    internal long SliceLeft;
    /// <summary>Cycles the current process has had since it was dispatched.</summary>
    internal long Ran;
    /// <summary>Cycles of context-switch cost still to pay before the current process runs.</summary>
    internal long SwitchLeft;
    /// <summary>
    /// The current process stopped in this tick and the kernel has not handled
    /// why yet (CPUs in lockstep are handled one after another): it may not be
    /// preempted meanwhile, or its call would be handled on its successor.
    /// </summary>
    internal bool Unsettled;

    /// <summary>The cache model of this CPU; null when the kernel models no caches.</summary>
    public CpuCache? Cache { get; internal set; }

    public bool IsFree => Current is null;
    public bool IsRunning => Current is { State: ProcessState.Running };

    /// <summary>Cycles in which a process made progress here.</summary>
    public long BusyTime { get; internal set; }
    /// <summary>The part of <see cref="BusyTime"/> in which the process's working set was warm in <see cref="Cache"/>.</summary>
    public long WarmTime { get; internal set; }
    /// <summary>Cycles spent switching contexts.</summary>
    public long SwitchTime { get; internal set; }
    public long ContextSwitches { get; internal set; }
    /// <summary>Dispatches of a process that last ran on another CPU.</summary>
    public long Migrations { get; internal set; }
}
