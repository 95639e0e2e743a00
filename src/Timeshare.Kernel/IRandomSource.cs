namespace Timeshare.Kernel;

/// <summary>
/// Where a randomized policy draws from. The kernel's own source is
/// <see cref="SeededRandom"/>; a front-end that must repeat a reference
/// simulator's numbers supplies its own, which may also be a finite tape.
/// </summary>
public interface IRandomSource
{
    /// <summary>
    /// A number uniform in [0, <paramref name="n"/>) for n &gt; 0; false when the
    /// source has nothing left to give (a finite tape has run out).
    /// </summary>
    bool TryNextBelow(long n, out long value);
}
