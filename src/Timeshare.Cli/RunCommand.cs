using System.CommandLine;
using Timeshare.Kernel;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Metrics;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Cli;

/// <summary>`timeshare run`: one workload on the kernel, shown tick by tick, then its numbers.</summary>
public static class RunCommand
{
    private static readonly Option<string> PolicyOpt = new("--policy", "-p")
    {
        Description = $"Scheduling policy: {string.Join(", ", PolicySpec.Names)}; parameters after a colon, e.g. rr:q=4.",
        DefaultValueFactory = _ => "rr",
    };
    private static readonly Option<long?> QuantumOpt = new("--quantum", "-q")
    {
        Description = $"Round-robin time slice in ticks (default {RoundRobin.DefaultQuantum}).",
    };
    private static readonly Option<FileInfo?> TraceOpt = new("--trace-json")
    {
        Description = "Write every kernel event to FILE as JSON Lines.",
    };
    private static readonly Option<FileInfo?> GanttOpt = new("--gantt")
    {
        Description = "Write a Gantt chart of the run to FILE (SVG, opens in a browser).",
    };
    private static readonly Option<bool> NoTableOpt = new("--no-table")
    {
        Description = "Skip the per-tick table; print only the numbers.",
    };
    /// <summary>With --elf: print the run's numbers to stderr after the program ends.</summary>
    public static readonly Option<bool> StatsOpt = new("--stats")
    {
        Description = "With --elf PROG: print the run's numbers to stderr when the program ends.",
    };
    private static readonly Option<bool> ElfOpt = new(ElfRun.Flag)
    {
        Description = "Run a riscv64 ELF program instead of a workload: timeshare run [OPTIONS] --elf PROG [ARGS...]. "
            + "Its output passes through and Timeshare exits with its status; everything after PROG is the program's.",
    };

    public static Command Build(Stream stdout)
    {
        var command = new Command("run", "Run a workload and show each tick's process states and the run's numbers.")
        {
            PolicyOpt, QuantumOpt, TraceOpt, GanttOpt, NoTableOpt, StatsOpt, ElfOpt,
        };
        KernelOptions.AddTo(command);
        command.SetAction(result => Execute(result, stdout));
        return command;
    }

    private static int Execute(ParseResult result, Stream stdout)
    {
        var policy = Policy(result);
        var kernel = new Kernel.Kernel(KernelOptions.Config(result, policy));
        var workload = KernelOptions.LoadWorkload(result);
        using var trace = OpenTrace(result.GetValue(TraceOpt), kernel);
        var table = result.GetValue(NoTableOpt) ? null : new RunTable(kernel);
        if (table is not null) kernel.Attach(table);
        var gantt = result.GetValue(GanttOpt);
        var timeline = gantt is null ? null : new StateTimeline(kernel.CyclesPerTick);
        if (timeline is not null) kernel.Attach(timeline);
        workload.SpawnInto(kernel);
        var outcome = kernel.Run();
        using var output = new StreamWriter(stdout, leaveOpen: true);
        output.WriteLine(KernelOptions.Describe(result, kernel.Policy));
        output.WriteLine();
        table?.Write(output);
        StatsReport.Write(RunMetrics.Of(kernel), output);
        if (gantt is not null) GanttChart.Write(gantt.FullName, [new GanttBand(kernel.Policy.Name, kernel.Api.Created, timeline!, kernel.Ticks)]);
        if (outcome != RunOutcome.Stuck) return 0;
        output.WriteLine();
        output.WriteLine($"stuck: {kernel.Api.LiveCount} process(es) can never run again (stopped, or blocked with nothing to wake them)");
        return 1;
    }

    public static ISchedulingPolicy Policy(ParseResult result)
    {
        var policy = PolicySpec.Parse(result.GetValue(PolicyOpt)!);
        if (result.GetValue(QuantumOpt) is not { } q) return policy;
        if (q <= 0) throw new UsageError($"--quantum must be a positive number of ticks, got {q}");
        return policy is RoundRobin ? new RoundRobin(q) : throw new UsageError($"--quantum applies to rr, not {policy.Name}");
    }

    private static JsonLinesTrace? OpenTrace(FileInfo? file, Kernel.Kernel kernel)
    {
        if (file is null) return null;
        var trace = new JsonLinesTrace(new BufferedStream(file.Create(), 1 << 16), kernel);
        kernel.Attach(trace);
        return trace;
    }
}
