namespace Timeshare.Kernel.Dispatch;

/// <summary>
/// The cache-affinity model of OSTEP's multiprocessor chapter: each CPU has a
/// cache of <see cref="Size"/> units; a process warms it by running there for
/// <see cref="WarmupTicks"/> ticks, and while warm does <see cref="WarmRate"/>
/// units of work per tick instead of one.
/// </summary>
public sealed record CacheOptions
{
    public CacheOptions(long size, long warmupTicks, int warmRate)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), "the cache size must not be negative");
        if (warmupTicks < 0) throw new ArgumentOutOfRangeException(nameof(warmupTicks), "the warm-up time must not be negative");
        if (warmRate < 1) throw new ArgumentOutOfRangeException(nameof(warmRate), "the warm rate must be at least 1");
        (Size, WarmupTicks, WarmRate) = (size, warmupTicks, warmRate);
    }

    /// <summary>The sum of working sets a CPU's cache holds.</summary>
    public long Size { get; }
    /// <summary>Ticks a process must run on a CPU before its working set is there; 0: warm on arrival.</summary>
    public long WarmupTicks { get; }
    /// <summary>Work units per tick of a process whose working set is warm (a cold one does 1).</summary>
    public int WarmRate { get; }
}
