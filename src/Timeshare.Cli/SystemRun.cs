using System.CommandLine;
using Timeshare.Kernel;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Loading;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// A real program from the simulated disk, run on a whole computer: `run
/// /bin/PROG ARGS` (the program alone, like --elf) and `boot` (init as pid 1,
/// which starts the shell). Output passes through; the exit status is the
/// program's (128+n when signal n ended it).
/// </summary>
public static class SystemRun
{
    public static int Run(ParseResult parsed, string path, string[] args, bool asInit, Terminal terminal, Stream stderr)
    {
        var lazy = LoadMode(parsed);
        var tickCycles = TickCycles(parsed);
        var latency = parsed.GetValue(DiskOptions.DiskLatency);
        if (latency < 0) throw new UsageError($"--disk-latency must not be negative, got {latency}");
        var limit = parsed.GetValue(DiskOptions.MaxProcesses);
        if (limit < 1) throw new UsageError($"--max-processes must be at least 1, got {limit}");
        Disk disk;
        Computer computer;
        var config = KernelOptions.Config(parsed, RunCommand.Policy(parsed)) with { CyclesPerTick = tickCycles };
        var options = new ComputerOptions { Seed = parsed.GetValue(KernelOptions.Seed), Lazy = lazy, DiskLatency = latency, ProcessLimit = limit };
        try
        {
            disk = SystemDisk.Open(parsed.GetValue(DiskOptions.Root), parsed.GetValue(DiskOptions.Image));
            computer = new Computer(config, terminal, disk, options);
        }
        catch (DiskImageError e)
        {
            return Fail(stderr, $"the disk is not usable: {e.Message}", 1);
        }
        var kernel = computer.Kernel;
        using var trace = RunCommand.OpenTrace(parsed, kernel);
        var stats = parsed.GetValue(RunCommand.StatsOpt);
        var report = RunReport.Attach(parsed, kernel, wantTable: stats);
        Kernel.Processes.Process started;
        try
        {
            started = computer.Start(path, [path, .. args], asInit);
        }
        catch (FileNotFoundException)
        {
            return Fail(stderr, $"{path}: no such program on the disk", ElfRun.NotFound);
        }
        catch (ElfError e)
        {
            return Fail(stderr, $"{path}: not a runnable riscv64 executable: {e.Message}", ElfRun.CannotExecute);
        }
        kernel.Run();
        computer.Sync();
        Save(parsed, computer, disk);
        Finish(report, stats, stderr);
        return started.ExitStatus;
    }

    private static void Save(ParseResult parsed, Computer computer, Disk disk)
    {
        if (parsed.GetValue(DiskOptions.Export) is { } folder) HostFolder.Export(computer.FileSystem, folder.FullName);
        if (parsed.GetValue(DiskOptions.SaveDisk) is not { } image) return;
        using var stream = image.Create();
        disk.Save(stream);
    }

    /// <summary>The per-tick table and numbers on stderr with --stats, or just the Gantt chart if asked for.</summary>
    public static void Finish(RunReport report, bool stats, Stream stderr)
    {
        if (!stats)
        {
            report.WriteGantt();
            return;
        }
        using var writer = new StreamWriter(stderr, leaveOpen: true);
        writer.WriteLine();
        report.Write(writer);
    }

    public static bool LoadMode(ParseResult parsed) => parsed.GetValue(RunCommand.LoadOpt) switch
    {
        "eager" => false,
        "lazy" => true,
        var other => throw new UsageError($"--load must be 'eager' or 'lazy', got '{other}'"),
    };

    public static long TickCycles(ParseResult parsed)
    {
        var tickCycles = parsed.GetValue(RunCommand.TickCyclesOpt);
        return tickCycles > 0 ? tickCycles : throw new UsageError($"--tick-cycles must be positive, got {tickCycles}");
    }

    public static int Fail(Stream stderr, string message, int status)
    {
        stderr.Write(System.Text.Encoding.UTF8.GetBytes($"timeshare: {message}\n"));
        stderr.Flush();
        return status;
    }
}
