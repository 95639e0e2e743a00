using System.CommandLine;
using Timeshare.Kernel;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Cli;

/// <summary>`timeshare run`: one workload on the kernel, shown tick by tick, then its numbers.</summary>
public static class RunCommand
{
    public static readonly Option<string> PolicyOpt = new("--policy", "-p")
    {
        Description = $"Scheduling policy: {string.Join(", ", PolicySpec.Names)}; parameters after a colon, e.g. rr:q=4.",
        DefaultValueFactory = _ => "rr",
    };
    public static readonly Option<long?> QuantumOpt = new("--quantum", "-q")
    {
        Description = $"Round-robin time slice in ticks (default {RoundRobin.DefaultQuantum}).",
    };
    public static readonly Option<FileInfo?> TraceOpt = new("--trace-json")
    {
        Description = "Write every kernel event to FILE as JSON Lines.",
    };
    public static readonly Option<FileInfo?> GanttOpt = new("--gantt")
    {
        Description = "Write a Gantt chart of the run to FILE (SVG, opens in a browser).",
    };
    public static readonly Option<bool> NoTableOpt = new("--no-table")
    {
        Description = "Skip the per-tick table; print only the numbers.",
    };
    /// <summary>With --elf: print the per-tick table and the numbers to stderr after the programs end.</summary>
    public static readonly Option<bool> StatsOpt = new("--stats")
    {
        Description = "With --elf: print the per-tick table (unless --no-table) and the run's numbers to stderr when the programs end.",
    };
    public static readonly Option<long> TickCyclesOpt = new("--tick-cycles")
    {
        Description = "With --elf: instructions in one tick, the unit of quanta, latencies and the per-tick table.",
        DefaultValueFactory = _ => 10_000,
    };
    public static readonly Option<string> LoadOpt = new("--load")
    {
        Description = "With --elf: load programs 'eager' (every segment at exec) or 'lazy' (each page on first touch, a page fault in the trace).",
        DefaultValueFactory = _ => "eager",
    };
    private static readonly Option<bool> ElfOpt = new(ElfRun.Flag)
    {
        Description = "Run riscv64 ELF programs instead of a workload: timeshare run [OPTIONS] --elf PROG [ARGS...] [--elf PROG [ARGS...]]... "
            + "They are time-shared; their output passes through and Timeshare exits with the first non-zero status. A program's arguments run to the next --elf.",
    };

    public static Command Build(Stream stdout)
    {
        var command = new Command("run", "Run a workload and show each tick's process states and the run's numbers; "
            + "or run a program from the simulated disk: timeshare run [OPTIONS] /bin/PROG [ARGS...] (its output passes through, its status is Timeshare's).")
        {
            PolicyOpt, QuantumOpt, TraceOpt, GanttOpt, NoTableOpt, StatsOpt, TickCyclesOpt, LoadOpt, ElfOpt,
        };
        KernelOptions.AddTo(command);
        DiskOptions.AddTo(command);
        command.SetAction(result => Execute(result, stdout));
        return command;
    }

    private static int Execute(ParseResult result, Stream stdout)
    {
        var policy = Policy(result);
        var kernel = new Kernel.Kernel(KernelOptions.Config(result, policy));
        var workload = KernelOptions.LoadWorkload(result);
        using var trace = OpenTrace(result, kernel);
        var report = RunReport.Attach(result, kernel, wantTable: true);
        workload.SpawnInto(kernel);
        var outcome = kernel.Run();
        using var output = new StreamWriter(stdout, leaveOpen: true);
        output.WriteLine(KernelOptions.Describe(result, kernel.Policy));
        output.WriteLine();
        report.Write(output);
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

    /// <summary>The --trace-json writer attached to <paramref name="kernel"/>, or null.</summary>
    public static JsonLinesTrace? OpenTrace(ParseResult result, Kernel.Kernel kernel)
    {
        if (result.GetValue(TraceOpt) is not { } file) return null;
        var trace = new JsonLinesTrace(new BufferedStream(file.Create(), 1 << 16), kernel);
        kernel.Attach(trace);
        return trace;
    }
}
