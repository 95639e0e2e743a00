namespace Timeshare.Ostep.ProcessRun;

/// <summary>One tick of a process-run program, named as the reference prints it.</summary>
public enum Instruction
{
    Cpu,
    Io,
    /// <summary>cpu-intro: the tick of CPU that handles an I/O's completion.</summary>
    IoDone,
    /// <summary>file-devices: a tick of programmed I/O, the CPU moving the data itself.</summary>
    ProgrammedIo,
}

public static class InstructionNames
{
    public static string Of(Instruction i) => i switch
    {
        Instruction.Cpu => "cpu",
        Instruction.Io => "io",
        Instruction.IoDone => "io_done",
        _ => "p_io",
    };
}
