namespace Timeshare.Kernel;

/// <summary>
/// Where the kernel's random choices come from. <see cref="SeededRandom"/> is
/// the kernel's own; a front-end may plug in a reference's generator so that
/// the same draws happen in the same order.
/// </summary>
public interface IRandomSource
{
    /// <summary>Uniform in [0, 1).</summary>
    double NextDouble();

    /// <summary>Uniform in [0, n), n &gt; 0.</summary>
    long NextBelow(long n);
}
