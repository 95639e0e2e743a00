using System.CommandLine;
using Timeshare.Kernel;
using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Metrics;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Workloads;

namespace Timeshare.Cli;

/// <summary>`timeshare run`: one workload on the kernel, shown tick by tick, then its numbers.</summary>
public static class RunCommand
{
    private static readonly Argument<string?> WorkloadArg = new("workload")
    {
        Description = "A workload JSON file, or OSTEP shorthand: programs like \"c7,i,c1:c3\" "
            + "(processes split by ':'; cN = N ticks of CPU, i = an I/O) or random \"5:50,3:100\" "
            + "(X steps, each CPU with Y% chance). Default: a built-in workload.",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private static readonly Option<string> PolicyOpt = new("--policy", "-p")
    {
        Description = $"Scheduling policy: {string.Join(", ", PolicySpec.Names)}; parameters after a colon, e.g. rr:q=4.",
        DefaultValueFactory = _ => "rr",
    };
    private static readonly Option<long?> QuantumOpt = new("--quantum", "-q")
    {
        Description = $"Round-robin time slice in ticks (default {RoundRobin.DefaultQuantum}).",
    };
    private static readonly Option<long> SwitchCostOpt = new("--switch-cost")
    {
        Description = "Ticks the CPU spends on each context switch.",
    };
    private static readonly Option<long> IoLatencyOpt = new("--io-latency", "-L")
    {
        Description = "Ticks from the start of an I/O to its completion interrupt.",
        DefaultValueFactory = _ => 5,
    };
    private static readonly Option<string> WakeOpt = new("--wake")
    {
        Description = "When an I/O completes: 'turn' (the process waits its turn) or 'now' (it preempts the CPU at once).",
        DefaultValueFactory = _ => "turn",
    };
    private static readonly Option<bool> HoldOpt = new("--hold-cpu-during-io")
    {
        Description = "A process keeps the CPU, idle, while its I/O is in flight (polled I/O).",
    };
    private static readonly Option<long> SeedOpt = new("--seed", "-s")
    {
        Description = "Seed for random workloads (X:Y form).",
    };
    private static readonly Option<FileInfo?> TraceOpt = new("--trace-json")
    {
        Description = "Write every kernel event to FILE as JSON Lines.",
    };
    private static readonly Option<bool> NoTableOpt = new("--no-table")
    {
        Description = "Skip the per-tick table; print only the numbers.",
    };

    public static Command Build(Stream stdout)
    {
        var command = new Command("run", "Run a workload and show each tick's process states and the run's numbers.")
        {
            WorkloadArg, PolicyOpt, QuantumOpt, SwitchCostOpt, IoLatencyOpt, WakeOpt, HoldOpt, SeedOpt, TraceOpt, NoTableOpt,
        };
        command.SetAction(result => Execute(result, stdout));
        return command;
    }

    private static int Execute(ParseResult result, Stream stdout)
    {
        var kernel = new Kernel.Kernel(Config(result));
        var workload = LoadWorkload(result.GetValue(WorkloadArg), result.GetValue(SeedOpt));
        using var trace = OpenTrace(result.GetValue(TraceOpt), kernel);
        var table = result.GetValue(NoTableOpt) ? null : new RunTable(kernel);
        if (table is not null) kernel.Attach(table);
        workload.SpawnInto(kernel);
        var outcome = kernel.Run();
        using var output = new StreamWriter(stdout, leaveOpen: true);
        output.WriteLine($"policy {kernel.Policy.Name}, I/O latency {result.GetValue(IoLatencyOpt)}, switch cost {result.GetValue(SwitchCostOpt)}");
        output.WriteLine();
        table?.Write(output);
        StatsReport.Write(RunMetrics.Of(kernel), output);
        if (outcome == RunOutcome.Stuck)
        {
            output.WriteLine();
            output.WriteLine($"stuck: {kernel.Api.LiveCount} process(es) can never run again (stopped, or blocked with nothing to wake them)");
            return 1;
        }
        return 0;
    }

    private static KernelConfig Config(ParseResult result)
    {
        var policy = PolicySpec.Parse(result.GetValue(PolicyOpt)!);
        if (result.GetValue(QuantumOpt) is { } q)
        {
            if (q <= 0) throw new UsageError($"--quantum must be a positive number of ticks, got {q}");
            policy = policy is RoundRobin ? new RoundRobin(q) : throw new UsageError($"--quantum applies to rr, not {policy.Name}");
        }
        var latency = result.GetValue(IoLatencyOpt);
        if (latency < 0) throw new UsageError($"--io-latency must not be negative, got {latency}");
        var switchCost = result.GetValue(SwitchCostOpt);
        if (switchCost < 0) throw new UsageError($"--switch-cost must not be negative, got {switchCost}");
        var wake = result.GetValue(WakeOpt) switch
        {
            "turn" => WakePolicy.WaitTurn,
            "now" => WakePolicy.RunAtOnce,
            var other => throw new UsageError($"--wake must be 'turn' or 'now', got '{other}'"),
        };
        return new KernelConfig
        {
            Policy = policy,
            IoLatency = latency,
            Dispatch = new DispatchOptions { SwitchCost = switchCost, Wake = wake, HoldCpuDuringIo = result.GetValue(HoldOpt) },
        };
    }

    private static Workload LoadWorkload(string? source, long seed)
    {
        if (source is null) return Workload.BuiltIn;
        if (File.Exists(source))
        {
            try
            {
                return WorkloadJson.Parse(File.ReadAllText(source));
            }
            catch (WorkloadError e)
            {
                throw new WorkloadError($"{source}: {e.Message}");
            }
        }
        if (source.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) throw new UsageError($"no such workload file: {source}");
        return Shorthand.Parse(source, new SeededRandom(seed));
    }

    private static JsonLinesTrace? OpenTrace(FileInfo? file, Kernel.Kernel kernel)
    {
        if (file is null) return null;
        var trace = new JsonLinesTrace(new BufferedStream(file.Create(), 1 << 16), kernel);
        kernel.Attach(trace);
        return trace;
    }
}
