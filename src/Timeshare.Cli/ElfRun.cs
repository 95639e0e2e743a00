using Timeshare.Kernel;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Metrics;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// `timeshare run [OPTIONS] --elf PROG [ARGS...]`: one riscv64 program from the
/// host's files, run on the kernel. Its stdout and stderr pass through
/// unchanged and Timeshare exits with its status (128+n when signal n ended
/// it), so it can stand in for `qemu-riscv64 PROG`. Everything after PROG is
/// the program's own.
/// </summary>
public static class ElfRun
{
    public const string Flag = "--elf";
    public const int CannotExecute = 126;
    public const int NotFound = 127;

    /// <summary>Cycles (instructions) in one tick of a real program.</summary>
    public const long CyclesPerTick = 10_000;

    public static int Run(string[] options, string[] program, Stream stdout, Stream stderr)
    {
        if (program.Length == 0) throw new UsageError($"{Flag} needs a program: timeshare run {Flag} PROG [ARGS...]");
        var path = program[0];
        if (!File.Exists(path))
        {
            WriteLine(stderr, $"timeshare: {path}: no such file");
            return NotFound;
        }
        var parsed = Commands.Root(Stream.Null).Parse(["run", .. options]);
        if (parsed.Errors.Count > 0) throw new UsageError($"run: {parsed.Errors[0].Message}");
        var machine = new RiscvMachine();
        var syscalls = new LinuxSyscalls(new StreamConsole(stdout), new StreamConsole(stderr));
        try
        {
            var executor = Exec.Prepare(machine, File.ReadAllBytes(path), program, Environment(), syscalls, new SeededRandom(parsed.GetValue(KernelOptions.Seed)));
            var policy = RunCommand.Policy(parsed);
            var kernel = new Kernel.Kernel(KernelOptions.Config(parsed, policy) with { CyclesPerTick = CyclesPerTick });
            var process = kernel.Spawn(Path.GetFileName(path), executor);
            kernel.Run();
            if (executor.Fault is { } fault) WriteLine(stderr, $"timeshare: {path}: ended by a fault: {fault}");
            if (parsed.GetValue(RunCommand.StatsOpt)) WriteStats(kernel, stderr);
            return process.ExitStatus;
        }
        catch (ElfError e)
        {
            WriteLine(stderr, $"timeshare: {path}: not a runnable riscv64 executable: {e.Message}");
            return CannotExecute;
        }
    }

    /// <summary>The environment a program gets: the host's, in a fixed (sorted) order so runs repeat.</summary>
    private static string[] Environment() =>
        [.. System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal)
            .Select(k => $"{k}={System.Environment.GetEnvironmentVariable(k)}")];

    private static void WriteStats(Kernel.Kernel kernel, Stream stderr)
    {
        using var writer = new StreamWriter(stderr, leaveOpen: true);
        writer.WriteLine();
        StatsReport.Write(RunMetrics.Of(kernel), writer);
    }

    private static void WriteLine(Stream stream, string line)
    {
        stream.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush();
    }
}
