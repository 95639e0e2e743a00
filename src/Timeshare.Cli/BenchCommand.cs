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
    private static readonly Option<long> QuantumOpt = new("--quantum", "-q")
    {
        Description = "Round-robin quantum in ticks.",
        DefaultValueFactory = _ => 1,
    };

    public static Command Build(Stream stdout)
    {
        var kernel = new Command("kernel", "Time the kernel loop: round robin over CPU-only scripts. The last line is steps per second.")
        {
            ProcessesOpt, StepsOpt, QuantumOpt,
        };
        kernel.SetAction(result => Run(result.GetValue(ProcessesOpt), result.GetValue(StepsOpt), result.GetValue(QuantumOpt), stdout));
        return new Command("bench", "Measure the speed of Timeshare's parts.") { kernel };
    }

    private static int Run(int processes, long steps, long quantum, Stream stdout)
    {
        if (processes <= 0) throw new UsageError($"--processes must be positive, got {processes}");
        if (steps < processes) throw new UsageError($"--steps must be at least --processes ({processes}), got {steps}");
        if (quantum <= 0) throw new UsageError($"--quantum must be positive, got {quantum}");
        using var output = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        var setup = Stopwatch.StartNew();
        var k = new Kernel.Kernel(new KernelConfig { Policy = new RoundRobin(quantum) });
        for (var i = 0; i < processes; i++)
        {
            var share = steps / processes + (i < steps % processes ? 1 : 0);
            k.Spawn($"p{i}", new ScriptExecutor(new Script([Step.Cpu((int)Math.Min(share, int.MaxValue))])));
        }
        output.WriteLine($"{processes} processes, {steps} steps, round robin q={quantum}; set-up {setup.Elapsed.TotalSeconds:F2} s");
        var run = Stopwatch.StartNew();
        k.Run();
        var seconds = run.Elapsed.TotalSeconds;
        var switches = k.Dispatcher.Processors[0].ContextSwitches;
        output.WriteLine($"ran {k.Ticks} ticks, {switches} context switches in {seconds:F3} s");
        output.WriteLine($"{k.Ticks / seconds:F0} steps per second");
        return 0;
    }
}
