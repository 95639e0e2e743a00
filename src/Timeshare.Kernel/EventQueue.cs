namespace Timeshare.Kernel;

/// <summary>
/// Future events by time; events due at the same time come out in the order
/// they were scheduled, so the run is deterministic.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<PendingEvent, (long Time, long Seq)> _queue = new();
    private long _seq;

    public int Count => _queue.Count;

    /// <summary>When the earliest event is due; long.MaxValue when none is. Kept in a field: the loop reads it every step.</summary>
    public long NextTime { get; private set; } = long.MaxValue;

    public void Schedule(long time, PendingEvent e)
    {
        _queue.Enqueue(e, (time, _seq++));
        NextTime = Math.Min(NextTime, time);
    }

    public bool TryTakeDue(long now, out PendingEvent e)
    {
        e = default;
        if (NextTime > now) return false;
        e = _queue.Dequeue();
        NextTime = _queue.TryPeek(out _, out var key) ? key.Time : long.MaxValue;
        return true;
    }
}
