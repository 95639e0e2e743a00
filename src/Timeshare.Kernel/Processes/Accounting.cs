namespace Timeshare.Kernel.Processes;

/// <summary>
/// Where a process's time went. Invariant, once it has exited:
/// Running + Ready + Blocked + Stopped == Finish - Arrival.
/// A struct inside the PCB, so that charging time touches no other object.
/// </summary>
public struct Accounting
{
    public long Arrival;
    /// <summary>Time of the first dispatch, or -1.</summary>
    public long FirstRun;
    /// <summary>Time of exit, or -1.</summary>
    public long Finish;
    /// <summary>Time in the Running state, the context-switch cost into it included.</summary>
    public long Running;
    public long Ready;
    public long Blocked;
    public long Stopped;
    /// <summary>The part of <see cref="Running"/> the CPU spent switching into this process.</summary>
    public long Switching;
    /// <summary>Times this process was switched in after a different one had the CPU.</summary>
    public int ContextSwitches;

    /// <summary>Time the process's own work had the CPU.</summary>
    public readonly long Cpu => Running - Switching;
    public readonly long Turnaround => Finish - Arrival;
    public readonly long Response => FirstRun - Arrival;
}
