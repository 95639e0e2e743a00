using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Devices;

/// <summary>
/// The terminal abstract programs print to: every line, with the time it was
/// written (cycles) and its writer, in the order the kernel ran the writes.
/// </summary>
public interface IConsole
{
    void Write(long time, Process writer, string text);
}
