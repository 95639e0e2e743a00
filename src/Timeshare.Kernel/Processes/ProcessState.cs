namespace Timeshare.Kernel.Processes;

/// <summary>The life of a process. Every change goes through <see cref="StateTransitions"/>.</summary>
public enum ProcessState
{
    /// <summary>Created, not yet admitted to the scheduler (its arrival time is in the future).</summary>
    New,
    /// <summary>Runnable, waiting for a CPU.</summary>
    Ready,
    /// <summary>On a CPU.</summary>
    Running,
    /// <summary>Waiting for an event: an I/O completion, a child's exit.</summary>
    Blocked,
    /// <summary>Suspended by a stop request until continued; gets no CPU.</summary>
    Stopped,
    /// <summary>Exited; its status waits for the parent to reap it.</summary>
    Zombie,
}
