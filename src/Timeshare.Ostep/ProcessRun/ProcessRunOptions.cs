using System.Numerics;

namespace Timeshare.Ostep.ProcessRun;

/// <summary>The reference's flags, parsed.</summary>
public sealed record ProcessRunOptions
{
    public const string SwitchOnIo = "SWITCH_ON_IO";
    public const string SwitchOnEnd = "SWITCH_ON_END";
    public const string IoRunLater = "IO_RUN_LATER";
    public const string IoRunImmediate = "IO_RUN_IMMEDIATE";

    public BigInteger Seed { get; init; }
    /// <summary>-P: explicit programs; when set, -l is ignored.</summary>
    public string Program { get; init; } = "";
    /// <summary>-l: random programs X:Y,...</summary>
    public string ProcessList { get; init; } = "";
    public BigInteger IoLength { get; init; } = 5;
    public string Switch { get; init; } = SwitchOnIo;
    public string IoDone { get; init; } = IoRunLater;
    /// <summary>-c: compute the answer (run the simulation).</summary>
    public bool Solve { get; init; }
    /// <summary>-p: print statistics after the trace.</summary>
    public bool PrintStats { get; init; }
}
