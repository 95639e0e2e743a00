namespace Timeshare.Kernel.Devices;

/// <summary>
/// A device that completes each request a fixed latency after it starts,
/// serving any number of requests at once. It knows nothing of processes.
/// </summary>
public sealed class IoDevice
{
    private long _busySince;
    private long _busy;

    public IoDevice(string name, long latency)
    {
        if (latency < 0) throw new ArgumentOutOfRangeException(nameof(latency), "latency must not be negative");
        Name = name;
        Latency = latency;
    }

    public string Name { get; }
    public long Latency { get; }
    /// <summary>Requests started and not yet completed.</summary>
    public int InFlight { get; private set; }
    public long Requests { get; private set; }

    /// <summary>Starts a request at <paramref name="now"/>; returns when it completes.</summary>
    public long Start(long now)
    {
        if (InFlight++ == 0) _busySince = now;
        Requests++;
        return now + Latency;
    }

    public void Complete(long now)
    {
        if (InFlight == 0) throw new KernelBugException($"{Name}: completion with no request in flight");
        if (--InFlight == 0) _busy += now - _busySince;
    }

    /// <summary>Time with at least one request in flight, up to <paramref name="now"/>.</summary>
    public long BusyTime(long now) => _busy + (InFlight > 0 ? now - _busySince : 0);
}
