using System.CommandLine;
using System.Diagnostics;
using Timeshare.Kernel;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Cli;

/// <summary>`timeshare bench kernel`: the kernel loop alone, round robin over CPU-only scripts, no output while it runs.</summary>
public static class BenchCommand
{
    private static readonly Option<int> ProcessesOpt = new("--processes", "-n")
    {
        Description = "Number of processes.",
        DefaultValueFactory = _ => 100_000,
    };
    private static readonly Option<long> StepsOpt = new("--steps", "-m")
    {
        Description = "Total ticks of CPU work, shared evenly among the processes.",
        DefaultValueFactory = _ => 10_000_000,
    };
    private static readonly Option<string> PolicyOpt = new("--policy", "-p")
    {
        Description = $"The policy to time: {string.Join(", ", PolicySpec.Names)}, with parameters (e.g. rr:q=2). "
            + "With a one-tick slice every step is a scheduling decision.",
        DefaultValueFactory = _ => "rr:q=1",
    };

    public static Command Build(Stream stdout)
    {
        var kernel = new Command("kernel", "Time the kernel loop over CPU-only scripts (round robin by default). The last line is steps per second.")
        {
            ProcessesOpt, StepsOpt, PolicyOpt,
        };
        kernel.SetAction(result => Run(result.GetValue(ProcessesOpt), result.GetValue(StepsOpt), PolicySpec.Parse(result.GetValue(PolicyOpt)!), stdout));
        return new Command("bench", "Measure the speed of Timeshare's parts.") { kernel };
    }

    private static int Run(int processes, long steps, ISchedulingPolicy policy, Stream stdout)
    {
        if (processes <= 0) throw new UsageError($"--processes must be positive, got {processes}");
        if (steps < processes) throw new UsageError($"--steps must be at least --processes ({processes}), got {steps}");
        using var output = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        var setup = Stopwatch.StartNew();
        var k = new Kernel.Kernel(new KernelConfig { Policy = policy });
        for (var i = 0; i < processes; i++)
        {
            var share = (int)Math.Min(steps / processes + (i < steps % processes ? 1 : 0), int.MaxValue);
            k.Spawn($"p{i}", new ScriptExecutor(new Script([Step.Cpu(share)])), length: share);
        }
        output.WriteLine($"{processes} processes, {steps} steps, {policy.Name}; set-up {setup.Elapsed.TotalSeconds:F2} s");
        var run = Stopwatch.StartNew();
        k.Run();
        var seconds = run.Elapsed.TotalSeconds;
        var switches = k.Dispatcher.Processors[0].ContextSwitches;
        output.WriteLine($"ran {k.Ticks} ticks, {switches} context switches in {seconds:F3} s");
        output.WriteLine($"{k.Ticks / seconds:F0} steps per second");
        return 0;
    }
}
