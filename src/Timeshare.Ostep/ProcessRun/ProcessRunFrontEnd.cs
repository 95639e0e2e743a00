using System.Numerics;
using Timeshare.Kernel;
using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.ProcessRun;

/// <summary>
/// OSTEP's process-run on the kernel: xv6's table scan as the policy, the
/// reference's switch and I/O-done behaviours as dispatcher options, and the
/// reference's table printed from the kernel's ticks.
/// </summary>
public static class ProcessRunFrontEnd
{
    /// <summary>-L beyond this would print more rows than the instruction limit allows.</summary>
    private static readonly BigInteger MaxIoLength = ProcessRunPrograms.MaxInstructions;

    public static void Simulate(ProcessRunVariant variant, ProcessRunOptions options, Stream stdout)
    {
        var random = new PythonRandom(options.Seed);
        CheckBehaviours(options);
        if (BigInteger.Abs(options.IoLength) > MaxIoLength)
            throw new OstepError($"-L {options.IoLength} is beyond the {MaxIoLength} ticks a trace can show");
        var ioLength = (long)options.IoLength;
        var programs = options.Program != ""
            ? ProcessRunPrograms.FromPrograms(options.Program, variant, ioLength)
            : ProcessRunPrograms.FromDescriptions(options.ProcessList, variant, random);
        if (variant.RefusesNegativeLatency && ioLength < 0)
            throw new OstepError($"-L must not be negative, got {ioLength}");
        using var output = new AsciiWriter(stdout);
        if (!options.Solve)
        {
            WriteListing(variant, options, programs, output);
            return;
        }
        var hasIo = programs.Any(p => p.Contains(Instruction.Io));
        if (hasIo && variant.DeviceLatency(ioLength) < 0)
            throw new OstepError($"with -L {ioLength} an I/O would never complete (the reference runs forever)");
        Run(variant, options, programs, Math.Max(0, variant.DeviceLatency(ioLength)), output);
    }

    private static void CheckBehaviours(ProcessRunOptions o)
    {
        if (o.Switch is not (ProcessRunOptions.SwitchOnIo or ProcessRunOptions.SwitchOnEnd))
            throw new OstepError($"-S must be {ProcessRunOptions.SwitchOnIo} or {ProcessRunOptions.SwitchOnEnd}, got '{o.Switch}'");
        if (o.IoDone is not (ProcessRunOptions.IoRunLater or ProcessRunOptions.IoRunImmediate))
            throw new OstepError($"-I must be {ProcessRunOptions.IoRunLater} or {ProcessRunOptions.IoRunImmediate}, got '{o.IoDone}'");
    }

    private static void Run(ProcessRunVariant variant, ProcessRunOptions options, List<Instruction[]> programs, long latency, AsciiWriter output)
    {
        var kernel = new Kernel.Kernel(new KernelConfig
        {
            Policy = new TableScan(),
            Dispatch = new DispatchOptions
            {
                Wake = options.IoDone == ProcessRunOptions.IoRunImmediate ? WakePolicy.RunAtOnce : WakePolicy.WaitTurn,
                HoldCpuDuringIo = options.Switch == ProcessRunOptions.SwitchOnEnd,
            },
            IoLatency = latency,
        });
        var processes = programs.Select((code, i) => kernel.Spawn($"{i}", new ScriptExecutor(ProcessRunPrograms.ToScript(code)))).ToArray();
        var table = new ProcessRunTable(variant, output, kernel.Device, processes, [.. programs]);
        kernel.Attach((Kernel.Events.IKernelObserver)table);
        kernel.Attach((Kernel.Events.ITickObserver)table);
        table.WriteHeader();
        kernel.Run();
        table.Finish(kernel.Clock.Now);
        if (options.PrintStats) WriteStats(table, output);
    }

    private static void WriteStats(ProcessRunTable table, AsciiWriter output)
    {
        var total = table.LastTick;
        output.WriteLine("");
        output.WriteLine($"Stats: Total Time {total}");
        output.WriteLine($"Stats: CPU Busy {table.CpuBusy} ({Percent(table.CpuBusy, total)}%)");
        output.WriteLine($"Stats: IO Busy  {table.IoBusy} ({Percent(table.IoBusy, total)}%)");
        output.WriteLine("");
    }

    private static string Percent(long part, long whole) => PyFormat.Format("%.2f", 100.0 * part / whole);

    private static void WriteListing(ProcessRunVariant variant, ProcessRunOptions options, List<Instruction[]> programs, AsciiWriter output)
    {
        output.WriteLine("Produce a trace of what would happen when you run these processes:");
        for (var pid = 0; pid < programs.Count; pid++)
        {
            output.WriteLine($"Process {pid}");
            foreach (var i in programs[pid]) output.WriteLine("  " + InstructionNames.Of(i));
            output.WriteLine("");
        }
        output.WriteLine("Important behaviors:");
        var when = options.Switch == ProcessRunOptions.SwitchOnIo ? "the current process is FINISHED or ISSUES AN IO" : "the current process is FINISHED";
        output.WriteLine($"  System will switch when{variant.Joiner}{when}");
        var after = options.IoDone == ProcessRunOptions.IoRunImmediate ? "run IMMEDIATELY" : "run LATER (when it is its turn)";
        output.WriteLine($"  After IOs, the process issuing the IO will{variant.Joiner}{after}");
        output.WriteLine("");
    }
}
