namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Round robin: each Ready process in turn gets a quantum; when the timer
/// ends it, the process goes to the back of the line. Bounds response time
/// to (n-1) quanta for n runnable processes at the price of turnaround and
/// more context switches.
/// </summary>
public sealed class RoundRobin : QueuePolicy
{
    public const long DefaultQuantum = 2;

    public RoundRobin(long quantum = DefaultQuantum)
    {
        if (quantum <= 0) throw new ArgumentOutOfRangeException(nameof(quantum), "the quantum must be positive");
        Quantum = quantum;
    }

    public long Quantum { get; }
    public override string Name => $"rr:q={Quantum}";
    protected override long Slice => Quantum;
}
