namespace Timeshare.Kernel.Processes;

/// <summary>The outcome of wait: a reaped child, no child to wait for, or the caller blocked.</summary>
public readonly record struct WaitResult(WaitOutcome Outcome, Process? Child = null);

public enum WaitOutcome
{
    Reaped,
    /// <summary>ECHILD: nothing to wait for.</summary>
    NoChild,
    Blocked,
    /// <summary>There are children to wait for, none has exited, and the caller asked not to block.</summary>
    NotYet,
}
