namespace Timeshare.Kernel;

/// <summary>
/// Where a lottery draws its winning tickets. The kernel's own source is
/// <see cref="SeededRandom"/>; a front-end that must repeat a reference
/// simulator's numbers supplies its own, which may be a finite tape.
/// </summary>
public interface IDrawSource
{
    /// <summary>
    /// A number uniform in [0, <paramref name="n"/>) for n &gt; 0; false when the
    /// source has nothing left to give (a finite tape has run out).
    /// </summary>
    bool TryNextBelow(long n, out long value);
}
