using System.Numerics;
using Timeshare.Kernel;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// OSTEP's generator.py: writes the program's two C files and either lists
/// the readable one or runs the program, as kernel scripts, and prints what
/// its processes print. The kernel stands in for the C compiler and the
/// machine.
/// </summary>
/// <remarks>
/// A tick is a millisecond: a second of sleep is a thousand ticks, and every
/// print, fork or wait costs one, so the bursts between sleeps are as short,
/// next to the sleeps, as they are on a real machine. The policy is FIFO: a
/// process runs until it sleeps, waits or ends, and the parent keeps the CPU
/// after fork (Linux's default; the child's first act is to sleep anyway).
/// Who prints next is then decided, as on a real machine, by whose sleep or
/// wait ends first.
/// </remarks>
public static class GeneratorFrontEnd
{
    private const int TicksPerSecond = 1000;

    public static void Simulate(GeneratorOptions o, Stream stdout, string directory)
    {
        var random = new PythonRandom(o.Seed == GeneratorOptions.NoSeed ? Random.Shared.NextInt64() : o.Seed);
        if (o.MaxSleepTime < 1) throw new OstepError($"-S must be at least 1 second, got {o.MaxSleepTime}");
        CheckChance("-f", o.ForkChance);
        CheckChance("-w", o.WaitChance);
        CheckChance("-e", o.ExitChance);
        var actions = o.ActionList == GeneratorOptions.NoActionList
            ? RandomProgram.Draw(random, o.NumActions, o.MaxSleepTime, (o.ForkChance, o.WaitChance, o.ExitChance))
            : ProgramParser.Parse(o.ActionList);
        var readable = CProgram.Readable(actions);
        WriteFile(directory, o.Readable, readable);
        WriteFile(directory, o.Runnable, CProgram.Runnable(actions));
        using var output = new AsciiWriter(stdout);
        if (o.Solve) Run(actions, output);
        else output.WriteLine(readable);
    }

    private static void CheckChance(string flag, BigInteger percent)
    {
        if (percent < 1 || percent > 99) throw new OstepError($"{flag} must be a percentage from 1 to 99, got {percent}");
    }

    private static void WriteFile(string directory, string baseName, string text)
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, baseName + ".c"), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OstepError($"cannot write {baseName}.c: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static void Run(IReadOnlyList<ProgramAction> actions, AsciiWriter output)
    {
        var script = ProgramScripts.For(actions, SleepTicks);
        var kernel = new Kernel.Kernel(new KernelConfig { Policy = new Fifo() });
        var console = new ProgramOutput(output, TicksPerSecond * kernel.CyclesPerTick);
        kernel.Attach((IKernelObserver)console);
        kernel.Attach((Kernel.Devices.IConsole)console);
        var root = kernel.Spawn(ProgramScripts.Root, new ScriptExecutor(script));
        console.Name(root, actions);
        kernel.Run();
    }

    /// <summary>A sleep as C's sleep() would read it: a decimal or (leading 0) octal literal, in seconds.</summary>
    private static int SleepTicks(string seconds)
    {
        var octal = seconds.Length > 1 && seconds[0] == '0';
        var valid = seconds.Length > 0 && seconds.All(c => octal ? c is >= '0' and <= '7' : char.IsAsciiDigit(c));
        if (!valid) throw new OstepError($"sleep({seconds}) is not a whole number of seconds, so the program cannot run");
        var value = octal ? PyInt.Parse(seconds, 8) : PyInt.Parse(seconds);
        if (value > int.MaxValue / TicksPerSecond) throw new OstepError($"sleep({seconds}) is longer than this simulation can time");
        return (int)value * TicksPerSecond;
    }
}
