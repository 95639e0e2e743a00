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
}
