using System.Numerics;

namespace Timeshare.Ostep.Fork;

/// <summary>The reference's flags for fork.py, parsed.</summary>
public sealed record ForkOptions
{
    /// <summary>The reference's "no seed": draw from the host's entropy.</summary>
    public static readonly BigInteger NoSeed = -1;

    public BigInteger Seed { get; init; } = NoSeed;
    /// <summary>-f: the chance that a random action is a fork rather than an exit.</summary>
    public double ForkPercentage { get; init; } = 0.7;
    /// <summary>-a: how many random actions to draw.</summary>
    public BigInteger Actions { get; init; } = 5;
    /// <summary>-A: explicit actions (a+b forks, b- exits); overrides the random ones.</summary>
    public string ActionList { get; init; } = "";
    /// <summary>-t: show the trees and ask for the actions, instead of the reverse.</summary>
    public bool ShowTree { get; init; }
    /// <summary>-F: only the final tree.</summary>
    public bool JustFinal { get; init; }
    /// <summary>-L: a process with children refuses to exit.</summary>
    public bool LeafOnly { get; init; }
    /// <summary>-R: orphans go to the exiting process's parent, not to the root.</summary>
    public bool LocalReparent { get; init; }
    public string PrintStyle { get; init; } = "fancy";
    /// <summary>-c: print the answers.</summary>
    public bool Solve { get; init; }
}
