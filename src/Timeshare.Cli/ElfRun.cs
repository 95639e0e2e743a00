using Timeshare.Kernel;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// `timeshare run [OPTIONS] --elf PROG [ARGS...] [--elf PROG [ARGS...]]...`:
/// riscv64 programs from the host's files, time-shared on the kernel. Their
/// stdout and stderr pass through unchanged and Timeshare exits with the
/// first non-zero status among them (128+n when signal n ended one), so one
/// program alone stands in for `qemu-riscv64 PROG`. A program's arguments
/// run to the next --elf.
/// </summary>
public static class ElfRun
{
    public const string Flag = "--elf";
    public const int CannotExecute = 126;
    public const int NotFound = 127;

    public static int Run(string[] options, string[] programs, Stream stdin, Stream stdout, Stream stderr)
    {
        var commands = Split(programs);
        if (commands.Any(c => c.Length == 0)) throw new UsageError($"{Flag} needs a program: timeshare run {Flag} PROG [ARGS...]");
        if (commands.FirstOrDefault(c => !File.Exists(c[0])) is { } missing)
        {
            WriteLine(stderr, $"timeshare: {missing[0]}: no such file");
            return NotFound;
        }
        var parsed = Commands.Root(Stream.Null).Parse(["run", .. options]);
        if (parsed.Errors.Count > 0) throw new UsageError($"run: {parsed.Errors[0].Message}");
        var lazy = SystemRun.LoadMode(parsed);
        var tickCycles = SystemRun.TickCycles(parsed);
        var machine = new RiscvMachine();
        var random = new SeededRandom(parsed.GetValue(KernelOptions.Seed));
        var policy = RunCommand.Policy(parsed);
        var kernel = new Kernel.Kernel(KernelOptions.Config(parsed, policy) with { CyclesPerTick = tickCycles });
        var linux = new LinuxSyscalls(kernel, machine, new Terminal(stdin, new StreamConsole(stdout), new StreamConsole(stderr)), random, HostProgram, lazy);
        using var trace = RunCommand.OpenTrace(parsed, kernel);
        var stats = parsed.GetValue(RunCommand.StatsOpt);
        var report = RunReport.Attach(parsed, kernel, wantTable: stats);
        var started = new List<(string Path, HartExecutor Program, Kernel.Processes.Process Process)>();
        foreach (var command in commands)
        {
            try
            {
                var program = linux.Load(File.ReadAllBytes(command[0]), command, Environment());
                started.Add((command[0], program, linux.Spawn(Path.GetFileName(command[0]), program)));
            }
            catch (ElfError e)
            {
                WriteLine(stderr, $"timeshare: {command[0]}: not a runnable riscv64 executable: {e.Message}");
                return CannotExecute;
            }
        }
        kernel.Run();
        // A fault a handler caught did not end the program.
        foreach (var (path, program, process) in started)
            if (program.Fault is { } fault && process.TermSignal != 0) WriteLine(stderr, $"timeshare: {path}: ended by a fault: {fault}");
        SystemRun.Finish(report, stats, stderr);
        return started.Select(s => s.Process.ExitStatus).FirstOrDefault(status => status != 0);
    }

    /// <summary>execve of a program in --elf mode: the host file at that path, if there is one.</summary>
    private static byte[]? HostProgram(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>"A x --elf B y" is [[A, x], [B, y]].</summary>
    public static List<string[]> Split(string[] programs)
    {
        var commands = new List<string[]>();
        var start = 0;
        for (var i = 0; i <= programs.Length; i++)
        {
            if (i < programs.Length && programs[i] != Flag) continue;
            commands.Add(programs[start..i]);
            start = i + 1;
        }
        return commands;
    }

    /// <summary>The environment a program gets: the host's, in a fixed (sorted) order so runs repeat.</summary>
    private static string[] Environment() =>
        [.. System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal)
            .Select(k => $"{k}={System.Environment.GetEnvironmentVariable(k)}")];

    private static void WriteLine(Stream stream, string line)
    {
        stream.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush();
    }
}
