using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel;

/// <summary>Something due at a future time: a process's arrival, an I/O completion or the end of a sleep.</summary>
internal readonly record struct PendingEvent(PendingKind Kind, Process Process);

internal enum PendingKind
{
    Arrival,
    IoDone,
    SleepDone,
}
