using System.Globalization;
using Timeshare.Kernel.Metrics;

namespace Timeshare.Cli;

/// <summary>
/// The numbers after a run: a line per process (share: the fraction of its
/// time in the system it had the CPU), the averages, the machine's use.
/// </summary>
public static class StatsReport
{
    public static void Write(RunMetrics m, TextWriter output)
    {
        var nameWidth = Math.Max(7, m.Processes.Select(p => p.Name.Length).DefaultIfEmpty(0).Max() + 1);
        output.WriteLine($"{"Process".PadRight(nameWidth)}{"pid",5}{"arrive",8}{"start",7}{"finish",8}{"turnaround",12}{"response",10}{"wait",7}{"cpu",6}{"share",8}{"blocked",9}{"switches",10}");
        foreach (var p in m.Processes)
            output.WriteLine($"{p.Name.PadRight(nameWidth)}{p.Pid,5}{p.Arrival,8}{p.FirstRun,7}{p.Finish,8}{p.Turnaround,12}{p.Response,10}{p.Wait,7}{p.Cpu,6}{P(p.CpuShare),8}{p.Blocked,9}{p.ContextSwitches,10}");
        output.WriteLine($"{"Average".PadRight(nameWidth)}{"",28}{F(m.AverageTurnaround),12}{F(m.AverageResponse),10}{F(m.AverageWait),7}");
        output.WriteLine();
        output.WriteLine($"Total time        {m.TotalTicks} ticks");
        output.WriteLine($"CPU utilization   {string.Join(", ", m.CpuUtilization.Select(P))}  ({m.SwitchTicks} ticks switching)");
        output.WriteLine($"I/O utilization   {P(m.IoUtilization)}");
        output.WriteLine($"Throughput        {F(m.Throughput)} processes per 100 ticks");
        output.WriteLine($"Context switches  {m.ContextSwitches}{(m.Migrations > 0 ? $" ({m.Migrations} migrations)" : "")}");
        output.WriteLine($"Fairness (Jain)   {m.Fairness.ToString("0.000", CultureInfo.InvariantCulture)}");
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
    private static string P(double x) => (100 * x).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
