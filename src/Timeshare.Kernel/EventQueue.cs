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

    public long NextTime => _queue.TryPeek(out _, out var key) ? key.Time : long.MaxValue;

    public void Schedule(long time, PendingEvent e) => _queue.Enqueue(e, (time, _seq++));

    public bool TryTakeDue(long now, out PendingEvent e)
    {
        if (_queue.TryPeek(out e, out var key) && key.Time <= now)
        {
            _queue.Dequeue();
            return true;
        }
        return false;
    }
}
