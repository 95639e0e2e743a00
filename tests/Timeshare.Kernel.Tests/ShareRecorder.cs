using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Tests;

/// <summary>Counts the ticks in which each process worked, by pid; can be reset to measure a span.</summary>
internal sealed class ShareRecorder : ITickObserver
{
    private readonly Dictionary<int, long> _ticks = [];

    public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
    {
        foreach (var c in cpus)
            if (c.Activity == CpuActivity.Working) _ticks[c.Process!.Pid] = TicksOf(c.Process) + 1;
    }

    public long TicksOf(Process p) => _ticks.GetValueOrDefault(p.Pid);

    public void Reset() => _ticks.Clear();
}
