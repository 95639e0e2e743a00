using System.Numerics;

namespace Timeshare.Ostep.Scheduler;

/// <summary>The reference's flags, parsed.</summary>
public sealed record SchedulerOptions
{
    public const string Fifo = "FIFO";
    public const string Sjf = "SJF";
    public const string RoundRobin = "RR";

    public BigInteger Seed { get; init; }
    /// <summary>-j: how many random jobs, when -l is empty.</summary>
    public BigInteger Jobs { get; init; } = 3;
    /// <summary>-l: explicit lengths, comma-separated; overrides -j, -m and -s.</summary>
    public string JobList { get; init; } = "";
    /// <summary>-m: random lengths are drawn from 1..maxlen.</summary>
    public BigInteger MaxLength { get; init; } = 10;
    /// <summary>-p: FIFO, SJF or RR, case and all; anything else is reported, not refused.</summary>
    public string Policy { get; init; } = Fifo;
    public BigInteger Quantum { get; init; } = 1;
    /// <summary>-c: compute the answer (run the jobs).</summary>
    public bool Solve { get; init; }
}
