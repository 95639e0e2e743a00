using System.CommandLine;
using Timeshare.Kernel;
using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Workloads;

namespace Timeshare.Cli;

/// <summary>The options that configure a kernel and its workload, shared by `run` and `compare`.</summary>
public static class KernelOptions
{
    public static readonly Argument<string?> Workload = new("workload")
    {
        Description = "A workload JSON file, or OSTEP shorthand: programs like \"c7,i,c1:c3\" "
            + "(processes split by ':'; cN = N ticks of CPU, i = an I/O) or random \"5:50,3:100\" "
            + "(X steps, each CPU with Y% chance). Default: a built-in workload.",
        Arity = ArgumentArity.ZeroOrOne,
    };
    public static readonly Option<long> SwitchCost = new("--switch-cost")
    {
        Description = "Ticks the CPU spends on each context switch.",
    };
    public static readonly Option<long> IoLatency = new("--io-latency", "-L")
    {
        Description = "Ticks from the start of an I/O to its completion interrupt.",
        DefaultValueFactory = _ => 5,
    };
    public static readonly Option<string> Wake = new("--wake")
    {
        Description = "When an I/O completes: 'turn' (the process waits its turn) or 'now' (it preempts the CPU at once).",
        DefaultValueFactory = _ => "turn",
    };
    public static readonly Option<bool> Hold = new("--hold-cpu-during-io")
    {
        Description = "A process keeps the CPU, idle, while its I/O is in flight (polled I/O).",
    };
    public static readonly Option<long> Seed = new("--seed", "-s")
    {
        Description = "Seed for random workloads (X:Y form).",
    };

    public static void AddTo(Command command)
    {
        command.Add(Workload);
        foreach (var option in new Option[] { SwitchCost, IoLatency, Wake, Hold, Seed }) command.Add(option);
    }

    public static KernelConfig Config(ParseResult result, ISchedulingPolicy policy)
    {
        var latency = result.GetValue(IoLatency);
        if (latency < 0) throw new UsageError($"--io-latency must not be negative, got {latency}");
        var switchCost = result.GetValue(SwitchCost);
        if (switchCost < 0) throw new UsageError($"--switch-cost must not be negative, got {switchCost}");
        var wake = result.GetValue(Wake) switch
        {
            "turn" => WakePolicy.WaitTurn,
            "now" => WakePolicy.RunAtOnce,
            var other => throw new UsageError($"--wake must be 'turn' or 'now', got '{other}'"),
        };
        return new KernelConfig
        {
            Policy = policy,
            IoLatency = latency,
            Dispatch = new DispatchOptions { SwitchCost = switchCost, Wake = wake, HoldCpuDuringIo = result.GetValue(Hold) },
        };
    }

    public static Workload LoadWorkload(ParseResult result)
    {
        var source = result.GetValue(Workload);
        if (source is null) return Kernel.Workloads.Workload.BuiltIn;
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
        return Shorthand.Parse(source, new SeededRandom(result.GetValue(Seed)));
    }

    /// <summary>A description of the run's machine, for the report's first line.</summary>
    public static string Describe(ParseResult result, ISchedulingPolicy policy) =>
        $"policy {policy.Name}, I/O latency {result.GetValue(IoLatency)}, switch cost {result.GetValue(SwitchCost)}";
}
