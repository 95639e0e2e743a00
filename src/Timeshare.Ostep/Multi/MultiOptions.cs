using System.Numerics;

namespace Timeshare.Ostep.Multi;

/// <summary>multi.py's flags, parsed.</summary>
public sealed record MultiOptions
{
    public BigInteger Seed { get; init; }
    public BigInteger JobCount { get; init; } = 3;
    public BigInteger MaxRun { get; init; } = 100;
    public BigInteger MaxWorkingSet { get; init; } = 200;
    /// <summary>-L: name:run_time:working_set,...; empty: random jobs.</summary>
    public string JobList { get; init; } = "";
    /// <summary>-A: name:cpu.cpu,...</summary>
    public string Affinity { get; init; } = "";
    public bool PerCpuQueues { get; init; }
    public BigInteger Cpus { get; init; } = 2;
    public BigInteger Quantum { get; init; } = 10;
    public BigInteger PeekInterval { get; init; } = 30;
    public BigInteger WarmupTime { get; init; } = 10;
    public BigInteger WarmRate { get; init; } = 2;
    public BigInteger CacheSize { get; init; } = 100;
    public bool RandomOrder { get; init; }
    public bool Trace { get; init; }
    public bool TraceTimeLeft { get; init; }
    public bool TraceCache { get; init; }
    public bool TraceSched { get; init; }
    public bool Solve { get; init; }

    /// <summary>Any of the trace flags turns the per-tick trace on.</summary>
    public bool AnyTrace => Trace || TraceTimeLeft || TraceCache || TraceSched;
}
