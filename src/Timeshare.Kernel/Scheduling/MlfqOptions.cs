namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// The knobs of <see cref="Mlfq"/>. Levels are numbered by priority: level
/// <c>Levels - 1</c> is the top, where new jobs start; level 0 is the bottom.
/// Lists are indexed by level. Times are in ticks.
/// </summary>
public sealed record MlfqOptions
{
    public const int DefaultLevels = 3;
    public const long DefaultQuantum = 10;
    public const long DefaultAllotment = 1;

    /// <summary>The slice a job gets at each level; a quantum of 0 or less means no timer at that level.</summary>
    public required IReadOnlyList<long> Quanta { get; init; }

    /// <summary>
    /// How many whole quanta a job may use at each level before it is demoted,
    /// counted across slices: allotment × quantum ticks of CPU. At the bottom
    /// level a used-up allotment starts afresh; one of 0 or less never runs out.
    /// </summary>
    public required IReadOnlyList<long> Allotments { get; init; }

    /// <summary>Every this many ticks all jobs go back to the top level; 0 for never.</summary>
    public long BoostPeriod { get; init; }

    /// <summary>
    /// A job that blocks (I/O, wait) gets a fresh quantum and allotment at its
    /// level (OSTEP's -S). It lets a job that yields just before each slice
    /// ends stay at the top forever; by default its usage carries over.
    /// </summary>
    public bool ResetOnBlock { get; init; }

    /// <summary>A job woken from I/O goes to the front of its level, ahead of a job it preempts (OSTEP's -I); by default to the back.</summary>
    public bool WokenToFront { get; init; }

    public int Levels => Quanta.Count;

    /// <summary>Every level with the same quantum and allotment.</summary>
    public static MlfqOptions Uniform(int levels = DefaultLevels, long quantum = DefaultQuantum, long allotment = DefaultAllotment) => new()
    {
        Quanta = [.. Enumerable.Repeat(quantum, levels)],
        Allotments = [.. Enumerable.Repeat(allotment, levels)],
    };
}
