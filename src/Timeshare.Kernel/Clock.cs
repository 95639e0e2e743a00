namespace Timeshare.Kernel;

/// <summary>Simulated time in cycles. Only the kernel loop advances it.</summary>
public sealed class Clock
{
    public long Now { get; internal set; }
}
