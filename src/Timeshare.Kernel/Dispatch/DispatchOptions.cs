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
}
