namespace Timeshare.Kernel.Events;

/// <summary>Why a process changed state.</summary>
public enum Cause
{
    None,
    Admitted,
    Dispatched,
    SliceExpired,
    Preempted,
    IoStarted,
    IoCompleted,
    WaitForChild,
    ChildExited,
    SleepStarted,
    SleepDone,
    Exited,
    Killed,
    StopRequested,
    ContinueRequested,
    /// <summary>A system call found nothing to do yet (an empty pipe, no exited child) and sleeps on a <see cref="Processes.WaitQueue"/>.</summary>
    WaitQueue,
    /// <summary>What a <see cref="Processes.WaitQueue"/> waited for happened.</summary>
    Woken,
    /// <summary>A disk read missed the kernel's cache: the process waits for the disk.</summary>
    DiskRead,
    /// <summary>The process gave up its CPU (sched_yield).</summary>
    Yielded,
    /// <summary>A signal's default action.</summary>
    Signaled,
    /// <summary>sigsuspend (pause): the process waits for a signal to run a handler.</summary>
    SignalWait,
    /// <summary>A signal with a handler woke a sleeping process: its call ends with EINTR or is restarted.</summary>
    Interrupted,
}
