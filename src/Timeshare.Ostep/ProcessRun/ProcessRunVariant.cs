namespace Timeshare.Ostep.ProcessRun;

/// <summary>
/// The two reference simulators share one model and differ in these
/// details: cpu-intro/process-run.py and file-devices/process-run.py.
/// </summary>
public sealed record ProcessRunVariant
{
    public required string Name { get; init; }
    /// <summary>Width of each table column.</summary>
    public required int Column { get; init; }
    /// <summary>Width of the IOs cell when no I/O is in flight.</summary>
    public int IdleIoColumn { get; init; } = 10;
    /// <summary>How the table names the Blocked state.</summary>
    public required string BlockedWord { get; init; }
    /// <summary>cpu-intro follows every I/O with one io_done tick of CPU.</summary>
    public required bool IoDoneTick { get; init; }
    /// <summary>file-devices knows the 'p' opcode (programmed I/O) and the -o option.</summary>
    public required bool ProgrammedIo { get; init; }
    /// <summary>
    /// cpu-intro's I/O completes L ticks after the tick that issued it;
    /// file-devices counts the issuing tick as the first of the L.
    /// </summary>
    public required bool IssueTickCounts { get; init; }
    /// <summary>cpu-intro refuses a negative -L; file-devices accepts it.</summary>
    public required bool RefusesNegativeLatency { get; init; }
    /// <summary>The text between "will switch when" and the behaviour (file-devices drops the space).</summary>
    public required string Joiner { get; init; }

    public static readonly ProcessRunVariant CpuIntro = new()
    {
        Name = "process-run",
        Column = 14,
        BlockedWord = "BLOCKED",
        IoDoneTick = true,
        ProgrammedIo = false,
        IssueTickCounts = false,
        RefusesNegativeLatency = true,
        Joiner = " ",
    };

    public static readonly ProcessRunVariant Devices = new()
    {
        Name = "process-run-devices",
        Column = 10,
        BlockedWord = "WAITING",
        IoDoneTick = false,
        ProgrammedIo = true,
        IssueTickCounts = true,
        RefusesNegativeLatency = false,
        Joiner = "",
    };

    /// <summary>The kernel device latency that reproduces -L <paramref name="ioLength"/>.</summary>
    public long DeviceLatency(long ioLength) => IssueTickCounts ? ioLength - 1 : ioLength;
}
