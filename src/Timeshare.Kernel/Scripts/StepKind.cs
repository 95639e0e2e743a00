namespace Timeshare.Kernel.Scripts;

/// <summary>The steps of an abstract program.</summary>
public enum StepKind
{
    /// <summary>Compute for a number of ticks.</summary>
    Cpu,
    Io,
    Fork,
    Wait,
    Exit,
}
