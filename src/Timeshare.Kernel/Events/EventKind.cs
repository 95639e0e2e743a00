namespace Timeshare.Kernel.Events;

public enum EventKind
{
    /// <summary>A process changed state (From, To, Cause).</summary>
    StateChanged,
    /// <summary>A CPU switched from Other (a pid, 0 for none) to Pid.</summary>
    ContextSwitch,
    /// <summary>The timer ended Pid's slice.</summary>
    TimerInterrupt,
    /// <summary>Pid started an I/O on device Other that completes at Value.</summary>
    IoStarted,
    /// <summary>The I/O of Pid on device Other completed.</summary>
    IoCompleted,
    /// <summary>Pid forked child Other.</summary>
    Forked,
    /// <summary>Other reaped its child Pid, whose exit status is Value.</summary>
    Reaped,
    /// <summary>Pid was handed to its reaper Other (init or a subreaper) because its parent exited.</summary>
    Reparented,

    /// <summary>Pid made system call number Value, which the kernel does not serve (it returned -ENOSYS).</summary>
    UnknownSyscall,

    /// <summary>Pid touched address Value in a page not yet loaded; the kernel filled it (demand paging).</summary>
    PageFault,

    /// <summary>A process replaced its program (execve).</summary>
    Exec,
    /// <summary>A signal was delivered: Value is its number.</summary>
    Signal,
}
