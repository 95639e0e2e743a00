using System.CommandLine;
using System.Globalization;
using Timeshare.Kernel;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Metrics;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Cli;

/// <summary>`timeshare compare`: one workload under several policies, same seed, one table.</summary>
public static class CompareCommand
{
    private static readonly Option<string> PoliciesOpt = new("--policies", "-P")
    {
        Description = "Comma-separated policies with their parameters, e.g. fifo,rr:q=2,cfs:latency=12 (default: every policy).",
        DefaultValueFactory = _ => string.Join(",", PolicySpec.Names),
    };
    private static readonly Option<FileInfo?> GanttOpt = new("--gantt")
    {
        Description = "Write a Gantt chart with a band per policy to FILE (SVG, opens in a browser).",
    };

    public static Command Build(Stream stdout)
    {
        var command = new Command("compare", "Run one workload under several policies and compare their numbers side by side.")
        {
            PoliciesOpt, GanttOpt,
        };
        KernelOptions.AddTo(command);
        command.SetAction(result => Execute(result, stdout));
        return command;
    }

    /// <summary>Splits "fifo,rr:q=2,mlfq:levels=3,q=4": a piece with '=' but no ':' continues the previous policy's parameters.</summary>
    public static IReadOnlyList<string> SplitPolicies(string text)
    {
        var specs = new List<string>();
        foreach (var piece in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.Contains('=') && !piece.Contains(':') && specs.Count > 0) specs[^1] += "," + piece;
            else specs.Add(piece);
        }
        return specs.Count > 0 ? specs : throw new UsageError("--policies names no policy");
    }

    private static int Execute(ParseResult result, Stream stdout)
    {
        var policies = SplitPolicies(result.GetValue(PoliciesOpt)!).Select(PolicySpec.Parse).ToList();
        var workload = KernelOptions.LoadWorkload(result);
        var gantt = result.GetValue(GanttOpt);
        using var output = new StreamWriter(stdout, leaveOpen: true);
        output.WriteLine($"{workload.Processes.Count} processes, I/O latency {result.GetValue(KernelOptions.IoLatency)}, switch cost {result.GetValue(KernelOptions.SwitchCost)}");
        output.WriteLine();
        output.WriteLine($"{"policy",-28}{"turnaround",13}{"response",13}{"wait",13}{"cpu",9}{"throughput",12}{"switches",10}{"fairness",10}");
        var bands = new List<GanttBand>();
        var failures = new List<string>();
        foreach (var policy in policies)
        {
            var kernel = new Kernel.Kernel(KernelOptions.Config(result, policy));
            var timeline = gantt is null ? null : new StateTimeline(kernel.CyclesPerTick);
            if (timeline is not null) kernel.Attach(timeline);
            try
            {
                workload.SpawnInto(kernel);
                kernel.Run();
            }
            catch (PolicyError e)
            {
                output.WriteLine($"{policy.Name,-28}{"(cannot run: see below)",26}");
                failures.Add($"{policy.Name}: {e.Message}");
                continue;
            }
            WriteRow(output, kernel.Policy.Name, RunMetrics.Of(kernel));
            if (timeline is not null) bands.Add(new GanttBand(kernel.Policy.Name, kernel.Api.Created, timeline, kernel.Ticks));
        }
        output.WriteLine();
        output.WriteLine("turnaround, response, wait: averages in ticks; cpu: utilization; throughput: processes per 100 ticks;");
        output.WriteLine("fairness: Jain's index of CPU share per ticket or nice weight (1 = perfectly fair).");
        foreach (var failure in failures) output.WriteLine(failure);
        if (gantt is not null && bands.Count > 0) GanttChart.Write(gantt.FullName, bands);
        return failures.Count < policies.Count ? 0 : 1;
    }

    private static void WriteRow(TextWriter output, string name, RunMetrics m) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28}{m.AverageTurnaround,13:0.00}{m.AverageResponse,13:0.00}{m.AverageWait,13:0.00}{100 * m.AverageCpuUtilization,8:0.0}%{m.Throughput,12:0.00}{m.ContextSwitches,10}{m.Fairness,10:0.000}"));
}
