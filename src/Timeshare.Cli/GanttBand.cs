using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;

namespace Timeshare.Cli;

/// <summary>One policy's run in a Gantt chart: its processes, what each did when, and how long it lasted.</summary>
public sealed record GanttBand(string Title, IReadOnlyList<Process> Processes, StateTimeline Timeline, long TotalTicks);
