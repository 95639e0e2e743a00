using System.Numerics;

namespace Timeshare.Ostep.Mlfq;

/// <summary>The reference's flags, parsed; numbers are Python ints.</summary>
public sealed record MlfqArgs
{
    public const int DefaultLevels = 3;
    public const int DefaultQuantum = 10;
    public const int DefaultAllotment = 1;

    public BigInteger Seed { get; init; }
    public BigInteger Levels { get; init; } = DefaultLevels;
    public BigInteger Quantum { get; init; } = DefaultQuantum;
    public BigInteger Allotment { get; init; } = DefaultAllotment;
    /// <summary>-Q: quanta top level first; when set, it also sets the number of levels.</summary>
    public string QuantumList { get; init; } = "";
    /// <summary>-A: allotments top level first, one per level.</summary>
    public string AllotmentList { get; init; } = "";
    public BigInteger Jobs { get; init; } = 3;
    public BigInteger MaxLength { get; init; } = 100;
    public BigInteger MaxIo { get; init; } = 10;
    /// <summary>-B: boost period; 0 or less is never.</summary>
    public BigInteger Boost { get; init; }
    public BigInteger IoTime { get; init; } = 5;
    public bool Stay { get; init; }
    public bool IoBump { get; init; }
    /// <summary>-l: explicit jobs; when set, -j, -m and -M are ignored.</summary>
    public string JobList { get; init; } = "";
    public bool Solve { get; init; }
}
