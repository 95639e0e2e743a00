using System.Numerics;

namespace Timeshare.Ostep.Generator;

/// <summary>The reference's flags for generator.py, parsed.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The reference's "no seed": draw from the host's entropy.</summary>
    public static readonly BigInteger NoSeed = -1;
    /// <summary>The -A value meaning "draw a random program".</summary>
    public const string NoActionList = "none";

    public BigInteger Seed { get; init; } = NoSeed;
    /// <summary>-r: base name of the readable C file.</summary>
    public string Readable { get; init; } = "read";
    /// <summary>-R: base name of the runnable C file.</summary>
    public string Runnable { get; init; } = "run";
    public BigInteger NumActions { get; init; } = 10;
    public BigInteger ForkChance { get; init; } = 30;
    public BigInteger WaitChance { get; init; } = 40;
    public BigInteger ExitChance { get; init; } = 30;
    /// <summary>-S: the longest a child sleeps before it starts, in seconds.</summary>
    public BigInteger MaxSleepTime { get; init; } = 10;
    public string ActionList { get; init; } = NoActionList;
    /// <summary>-c: run the program and print its output instead of listing it.</summary>
    public bool Solve { get; init; }
}
