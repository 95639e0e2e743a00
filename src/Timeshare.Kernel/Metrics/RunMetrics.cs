using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Metrics;

/// <summary>The numbers of a run, in ticks.</summary>
/// <param name="CpuUtilization">Per CPU: the fraction of the run it did work.</param>
/// <param name="Fairness">Jain's index of CPU share per unit of weight, over the measured processes.</param>
public sealed record RunMetrics(
    IReadOnlyList<ProcessMetrics> Processes,
    long TotalTicks,
    IReadOnlyList<double> CpuUtilization,
    double IoUtilization,
    long SwitchTicks,
    long ContextSwitches,
    long Migrations,
    double Fairness)
{
    public double AverageTurnaround => Average(p => p.Turnaround);
    public double AverageResponse => Average(p => p.Response);
    public double AverageWait => Average(p => p.Wait);
    public double AverageCpuUtilization => CpuUtilization.Count == 0 ? 0 : CpuUtilization.Average();
    /// <summary>Processes finished per 100 ticks.</summary>
    public double Throughput => TotalTicks == 0 ? 0 : 100.0 * Processes.Count / TotalTicks;

    /// <summary>Measures every process that has exited; the others are left out.</summary>
    public static RunMetrics Of(Kernel kernel)
    {
        var tick = kernel.CyclesPerTick;
        var weigh = kernel.Policy is IProportionalShare share ? share.WeightOf : (Func<Process, double>)(_ => 1);
        var processes = kernel.Api.Created.Where(p => p.Time.Finish >= 0).Select(p => Measure(p, tick, weigh(p))).ToList();
        var now = kernel.Clock.Now;
        var cpus = kernel.Dispatcher.Processors;
        return new RunMetrics(
            processes,
            now / tick,
            [.. cpus.Select(c => now == 0 ? 0 : (double)c.BusyTime / now)],
            now == 0 ? 0 : (double)kernel.Device.BusyTime(now) / now,
            cpus.Sum(c => c.SwitchTime) / tick,
            cpus.Sum(c => c.ContextSwitches),
            cpus.Sum(c => c.Migrations),
            Metrics.Fairness.Jain([.. processes.Select(p => p.CpuShare / p.Weight)]));
    }

    private static ProcessMetrics Measure(Process p, long tick, double weight)
    {
        var t = p.Time;
        var share = t.Turnaround == 0 ? 0 : (double)t.Cpu / t.Turnaround;
        return new ProcessMetrics(p.Pid, p.Name, t.Arrival / tick, t.FirstRun / tick, t.Finish / tick,
            t.Turnaround / tick, t.Response / tick, t.Ready / tick, t.Cpu / tick, t.Blocked / tick, t.ContextSwitches,
            share, weight);
    }

    private double Average(Func<ProcessMetrics, long> f) => Processes.Count == 0 ? 0 : Processes.Average(p => (double)f(p));
}
