namespace Timeshare.Ostep.Generator;

public enum ActionKind
{
    /// <summary>The current process forks Name, which sleeps Sleep seconds and then runs the actions up to its Exit.</summary>
    Fork,
    /// <summary>The current process waits for a child.</summary>
    Wait,
    /// <summary>The current child ends; the process that forked it becomes current again.</summary>
    Exit,
}

/// <summary>
/// One action of a generated program. Sleep is kept as written: an -A
/// program may say anything there, and the C files carry it verbatim.
/// </summary>
public readonly record struct ProgramAction(ActionKind Kind, string Name = "", string Sleep = "")
{
    public static readonly ProgramAction Wait = new(ActionKind.Wait);
    public static readonly ProgramAction Exit = new(ActionKind.Exit);

    public static ProgramAction Fork(string name, string sleep) => new(ActionKind.Fork, name, sleep);
}
