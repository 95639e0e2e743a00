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
        Description = "Seed for random workloads (X:Y form) and the kernel's random choices.",
    };
    public static readonly Option<int> Cpus = new("--cpus")
    {
        Description = "Number of CPUs.",
        DefaultValueFactory = _ => 1,
    };
    public static readonly Option<bool> PerCpuQueues = new("--per-cpu-queues")
    {
        Description = "A queue per CPU (rr or fifo within each) instead of one shared queue; newcomers are dealt to the CPUs in turn.",
    };
    public static readonly Option<long> StealInterval = new("--steal-interval")
    {
        Description = "With --per-cpu-queues: every N ticks a CPU with an empty queue steals from a random other CPU; 0 never.",
    };
    public static readonly Option<long?> CacheSize = new("--cache-size")
    {
        Description = "Model a cache of this size per CPU (in working-set units): a process warms it by running there, then runs faster.",
    };
    public static readonly Option<long> Warmup = new("--warmup")
    {
        Description = "With --cache-size: ticks a process must run on a CPU before its cache is warm.",
        DefaultValueFactory = _ => 10,
    };
    public static readonly Option<int> WarmRate = new("--warm-rate")
    {
        Description = "With --cache-size: work units per tick of a process with a warm cache (a cold one does 1).",
        DefaultValueFactory = _ => 2,
    };

    public static void AddTo(Command command)
    {
        command.Add(Workload);
        AddOptionsTo(command);
    }

    /// <summary>The kernel's options without the workload argument (for runs of real programs).</summary>
    public static void AddOptionsTo(Command command)
    {
        foreach (var option in new Option[] { SwitchCost, IoLatency, Wake, Hold, Seed, Cpus, PerCpuQueues, StealInterval, CacheSize, Warmup, WarmRate })
            command.Add(option);
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
        var cpus = result.GetValue(Cpus);
        if (cpus < 1) throw new UsageError($"--cpus must be at least 1, got {cpus}");
        return new KernelConfig
        {
            Policy = Queues(result, policy, cpus),
            IoLatency = latency,
            Dispatch = new DispatchOptions { SwitchCost = switchCost, Wake = wake, HoldCpuDuringIo = result.GetValue(Hold) },
            Cpus = cpus,
            Cache = Cache(result),
            Random = new SeededRandom(result.GetValue(Seed)),
        };
    }

    /// <summary>The policy itself (one shared queue), or per-CPU queues with its discipline.</summary>
    private static ISchedulingPolicy Queues(ParseResult result, ISchedulingPolicy policy, int cpus)
    {
        var steal = result.GetValue(StealInterval);
        if (steal < 0) throw new UsageError($"--steal-interval must not be negative, got {steal}");
        if (!result.GetValue(PerCpuQueues)) return policy;
        var slice = policy switch
        {
            RoundRobin rr => rr.Quantum,
            Fifo => Pick.Unlimited,
            _ => throw new UsageError($"--per-cpu-queues runs rr or fifo in each queue, not {policy.Name}"),
        };
        return new PerCpuQueues(cpus, slice, steal);
    }

    private static CacheOptions? Cache(ParseResult result)
    {
        if (result.GetValue(CacheSize) is not { } size) return null;
        var (warmup, rate) = (result.GetValue(Warmup), result.GetValue(WarmRate));
        if (size < 0 || warmup < 0 || rate < 1)
            throw new UsageError($"--cache-size and --warmup must not be negative and --warm-rate must be at least 1, got {size}, {warmup}, {rate}");
        return new CacheOptions(size, warmup, rate);
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
        // No workload starts with '-': the parser took an option it does not know for the workload.
        if (source.StartsWith('-')) throw new UsageError($"unknown option '{source}'");
        return Shorthand.Parse(source, new SeededRandom(result.GetValue(Seed)));
    }

    /// <summary>A description of the run's machine, for the report's first line.</summary>
    public static string Describe(ParseResult result, ISchedulingPolicy policy) =>
        $"policy {policy.Name}, I/O latency {result.GetValue(IoLatency)}, switch cost {result.GetValue(SwitchCost)}{Machine(result)}";

    /// <summary>Nothing for the default machine, one CPU without a cache model.</summary>
    private static string Machine(ParseResult result)
    {
        var cpus = result.GetValue(Cpus);
        var text = cpus > 1 ? $", {cpus} CPUs" : "";
        if (result.GetValue(CacheSize) is { } size)
            text += $", cache {size} (warm after {result.GetValue(Warmup)}, rate {result.GetValue(WarmRate)})";
        return text;
    }
}
