using System.Numerics;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>The reference's flags, parsed.</summary>
public sealed record LotteryOptions
{
    public BigInteger Seed { get; init; }
    /// <summary>-j: how many random jobs, when -l is empty.</summary>
    public BigInteger Jobs { get; init; } = 3;
    /// <summary>-l: explicit jobs LENGTH:TICKETS,...; overrides -j, -m and -T.</summary>
    public string JobList { get; init; } = "";
    public BigInteger MaxLength { get; init; } = 10;
    public BigInteger MaxTickets { get; init; } = 100;
    public BigInteger Quantum { get; init; } = 1;
    /// <summary>-c: compute the answer (run the simulation).</summary>
    public bool Solve { get; init; }
}
