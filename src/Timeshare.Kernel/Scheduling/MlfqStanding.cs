namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Where a job stands in an <see cref="Mlfq"/>: its level, the ticks left in
/// its current quantum, and the quanta left in its allotment at that level.
/// </summary>
public readonly record struct MlfqStanding(int Level, long TicksLeft, long AllotmentLeft);
