using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// The machine's console as programs see it: fds 0, 1 and 2 of the first
/// process, inherited by everything it starts.
/// </summary>
/// <param name="IsInteractive">A person is typing: isatty() is true, so a shell prompts.</param>
public sealed record Terminal(Stream Input, IConsole Output, IConsole Errors, bool IsInteractive = false)
{
    /// <summary>A fresh table with standard input, output and error open on the console.</summary>
    public FileTable OpenStandardFiles()
    {
        var files = new FileTable();
        files.Install(new ConsoleInput(Input, IsInteractive));
        files.Install(new ConsoleOutput(Output, IsInteractive));
        files.Install(new ConsoleOutput(Errors, IsInteractive));
        return files;
    }
}
