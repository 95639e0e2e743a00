using Timeshare.Kernel;

namespace Timeshare.Ostep.Python;

/// <summary>
/// CPython's generator as the kernel's random source, so that the kernel's
/// draws (a steal's victim, a random CPU order) are the reference's:
/// NextBelow is _randbelow, which random.choice and random.shuffle use.
/// </summary>
public sealed class PythonRandomSource(PythonRandom random) : IRandomSource
{
    public double NextDouble() => random.Random();

    public long NextBelow(long n) => random.RandBelow(n);
}
