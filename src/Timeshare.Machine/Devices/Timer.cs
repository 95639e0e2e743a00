namespace Timeshare.Machine.Devices;

/// <summary>
/// The machine's clock (in cycles; one retired instruction = one cycle) and a one-shot
/// compare register. The hart reads <see cref="Now"/> for rdcycle and rdtime, and stops
/// with <see cref="StopReason.TimerInterrupt"/> when <see cref="Now"/> reaches the deadline.
/// </summary>
public sealed class Timer
{
    private const long Disarmed = long.MaxValue;

    public long Now { get; private set; }

    /// <summary>Absolute cycle at which the timer fires; <see cref="long.MaxValue"/> when disarmed.</summary>
    public long Deadline { get; private set; } = Disarmed;

    public bool IsArmed => Deadline != Disarmed;

    /// <summary>Fire after <paramref name="cycles"/> more cycles (the kernel's quantum).</summary>
    public void Arm(long cycles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        Deadline = cycles > Disarmed - Now ? Disarmed - 1 : Now + cycles;
    }

    public void Disarm() => Deadline = Disarmed;

    /// <summary>Let time pass without executing (e.g. to charge a system call or model I/O latency).</summary>
    public void Advance(long cycles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        Now += cycles;
    }

    /// <summary>Cycles left before the deadline (0 if already due); huge when disarmed.</summary>
    internal long Remaining => IsArmed ? Math.Max(0, Deadline - Now) : long.MaxValue;
}
