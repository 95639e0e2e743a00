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
    /// <summary>Block on a timer for a number of ticks.</summary>
    Sleep,
    /// <summary>Write a line of text to the console.</summary>
    Print,
}
