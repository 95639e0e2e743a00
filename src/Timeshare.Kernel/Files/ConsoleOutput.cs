using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>Standard output or error of the simulated machine: every byte goes to the host at once.</summary>
public sealed class ConsoleOutput(IConsole console, bool isTerminal) : OpenFile(WriteOnly)
{
    public override long Write(ReadOnlySpan<byte> from)
    {
        console.Write(from);
        return from.Length;
    }

    public override FileStatus Status() => new(0, FileKind.CharacterDevice, 0x180, 0);

    public override bool IsTerminal => isTerminal;
}
