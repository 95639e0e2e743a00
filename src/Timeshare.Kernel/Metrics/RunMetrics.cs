using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Metrics;

/// <summary>The numbers of a finished run, in ticks.</summary>
public sealed record RunMetrics(
    IReadOnlyList<ProcessMetrics> Processes,
    long TotalTicks,
    double CpuUtilization,
    double IoUtilization,
    long SwitchTicks,
    long ContextSwitches)
{
    public double AverageTurnaround => Average(p => p.Turnaround);
    public double AverageResponse => Average(p => p.Response);
    public double AverageWait => Average(p => p.Wait);

    /// <summary>Measures every process that has exited; the others are left out.</summary>
    public static RunMetrics Of(Kernel kernel)
    {
        var tick = kernel.CyclesPerTick;
        var processes = kernel.Api.Created.Where(p => p.Time.Finish >= 0).Select(p => Measure(p, tick)).ToList();
        var now = kernel.Clock.Now;
        var cpus = kernel.Dispatcher.Processors;
        var capacity = (double)now * cpus.Count;
        return new RunMetrics(
            processes,
            now / tick,
            capacity == 0 ? 0 : cpus.Sum(c => c.BusyTime) / capacity,
            now == 0 ? 0 : (double)kernel.Device.BusyTime(now) / now,
            cpus.Sum(c => c.SwitchTime) / tick,
            cpus.Sum(c => c.ContextSwitches));
    }

    private static ProcessMetrics Measure(Process p, long tick)
    {
        var t = p.Time;
        return new ProcessMetrics(p.Pid, p.Name, t.Arrival / tick, t.FirstRun / tick, t.Finish / tick,
            t.Turnaround / tick, t.Response / tick, t.Ready / tick, t.Cpu / tick, t.Blocked / tick, t.ContextSwitches);
    }

    private double Average(Func<ProcessMetrics, long> f) => Processes.Count == 0 ? 0 : Processes.Average(p => (double)f(p));
}
