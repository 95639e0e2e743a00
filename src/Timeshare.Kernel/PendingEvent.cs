using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel;

/// <summary>Something due at a future time: a process's arrival, an I/O completion or the end of a sleep.</summary>
/// <param name="Sleep">SleepDone: the sleep it ends (see <see cref="Process.Sleeps"/>).</param>
internal readonly record struct PendingEvent(PendingKind Kind, Process Process, long Sleep = 0);

internal enum PendingKind
{
    Arrival,
    IoDone,
    SleepDone,
}
