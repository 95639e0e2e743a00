namespace Timeshare.Kernel.Dispatch;

/// <summary>The mechanism's knobs. Times are in ticks.</summary>
public sealed record DispatchOptions
{
    public WakePolicy Wake { get; init; } = WakePolicy.WaitTurn;

    /// <summary>
    /// A process that starts an I/O keeps its CPU, idle, until the I/O
    /// completes, as with polled I/O; otherwise the CPU goes to another process.
    /// </summary>
    public bool HoldCpuDuringIo { get; init; }

    /// <summary>Time the CPU spends switching into a different process.</summary>
    public long SwitchCost { get; init; }

    /// <summary>
    /// Time slices end on a global boundary: every multiple of the slice, on
    /// all CPUs at once, however late in the period a process was dispatched
    /// (OSTEP's multi.py). Otherwise a slice is counted from the dispatch.
    /// </summary>
    public bool GlobalSliceBoundary { get; init; }

    /// <summary>
    /// A CPU freed during a tick gets its next process at the start of the
    /// next tick, after that tick's interrupts and load balancing, instead of
    /// at once (OSTEP's multi.py). Makes the kernel step one tick at a time.
    /// </summary>
    public bool AssignAtTickStart { get; init; }

    /// <summary>
    /// Free CPUs take their turn to pick in a random order, drawn afresh from
    /// the kernel's random source for every round (multi.py's -o), instead of
    /// in CPU order.
    /// </summary>
    public bool RandomCpuOrder { get; init; }
}
