using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>A policy's decision: run <paramref name="Process"/> for at most <paramref name="Slice"/> ticks.</summary>
public readonly record struct Pick(Process Process, long Slice)
{
    /// <summary>A slice that only blocking or exiting ends: no timer interrupt.</summary>
    public const long Unlimited = long.MaxValue;
}
