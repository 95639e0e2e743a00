namespace Timeshare.Kernel.Events;

/// <summary>
/// Sees the machine once per tick, after the tick's work and before the kernel
/// handles what the work asked for. Attaching one makes the kernel step tick
/// by tick instead of jumping ahead; the schedule is the same either way.
/// </summary>
public interface ITickObserver
{
    /// <param name="tick">1 for the first tick of the run.</param>
    void OnTick(long tick, ReadOnlySpan<CpuTick> cpus);
}
