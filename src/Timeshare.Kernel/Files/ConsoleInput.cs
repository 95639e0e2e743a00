namespace Timeshare.Kernel.Files;

/// <summary>
/// Standard input of the simulated machine: the host stream the run was given
/// (a terminal, a file, a script). Reading it holds the whole simulation
/// until the host answers, so a run's result does not depend on typing speed.
/// </summary>
public sealed class ConsoleInput(Stream input, bool isTerminal) : OpenFile(ReadOnly)
{
    public override long Read(Span<byte> into) => into.Length == 0 ? 0 : input.Read(into);

    public override FileStatus Status() => new(0, FileKind.CharacterDevice, 0x180, 0);

    public override bool IsTerminal => isTerminal;
}
