namespace Timeshare.Kernel;

/// <summary>How <see cref="Kernel.Run"/> ended.</summary>
public enum RunOutcome
{
    /// <summary>Every process exited.</summary>
    Finished,
    /// <summary>The time limit came first; Run may be called again.</summary>
    Paused,
    /// <summary>Live processes remain but none can ever run: all stopped, or blocked with nothing to wake them.</summary>
    Stuck,
}
