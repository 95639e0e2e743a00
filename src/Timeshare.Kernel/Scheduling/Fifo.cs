namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// First in, first out: each process runs until it blocks or exits, in the
/// order processes became Ready. No timer. Simple and fair in order of
/// arrival, but a long job makes every short one behind it wait (the convoy
/// effect), so average turnaround suffers.
/// </summary>
public sealed class Fifo : QueuePolicy
{
    public override string Name => "fifo";
    protected override long Slice => Pick.Unlimited;
}
