using System.Diagnostics;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Tests.Programs;

/// <summary>
/// The userland programs and how to run one: on Timeshare's kernel, or under
/// qemu-riscv64, both as userland/check.sh runs them (from userland/, as
/// bin/NAME, with the environment TS_CHECK=1 and stderr merged into stdout).
/// </summary>
internal static class Userland
{
    public static readonly string[] Environment = ["TS_CHECK=1"];

    /// <summary>Programs and arguments that need no more than the system calls served so far.</summary>
    public static TheoryData<string, string[]> Programs() => new()
    {
        { "hello", [] },
        { "args", ["one", "two words", ""] },
        { "echo", ["-n", "no newline"] },
        { "spinner", ["A", "1000000", "3"] },
        { "cpubench", ["1"] },
        { "libc-selftest", [] },
        { "sysinfo", [] },
    };

    /// <summary>
    /// Programs that fork: compared like the others, but their copy-on-write
    /// faults show even when loaded eagerly, so the lazy-loading count does not apply.
    /// </summary>
    public static TheoryData<string, string[]> ForkingPrograms() => new()
    {
        { "signal-selftest", [] },
    };

    public static string Folder() => Timeshare.Tests.Repository.PathOf("userland");

    /// <summary>Runs bin/NAME on the kernel in ticks of 10,000 instructions.</summary>
    public static (int Status, string Output) OnTimeshare(string name, string[] args) => OnTimeshare(name, args, lazy: false, out _);

    /// <summary>As <see cref="OnTimeshare(string, string[])"/>, loading eagerly or lazily; counts the page faults.</summary>
    public static (int Status, string Output) OnTimeshare(string name, string[] args, bool lazy, out int pageFaults)
    {
        var result = Traced(name, args, lazy, out var events);
        pageFaults = events.Count(e => e.Kind == Events.EventKind.PageFault);
        return result;
    }

    /// <summary>As <see cref="OnTimeshare(string, string[])"/> on <paramref name="cpus"/> CPUs, recording every kernel event of the run.</summary>
    public static (int Status, string Output) Traced(string name, string[] args, bool lazy, out List<Events.KernelEvent> events, int cpus = 1)
    {
        var machine = new RiscvMachine();
        var console = new CapturingConsole();
        var kernel = new Kernel(new KernelConfig { Policy = new RoundRobin(1), CyclesPerTick = 10_000, Cpus = cpus });
        var random = new SeededRandom(1);
        var linux = new LinuxSyscalls(kernel, machine, new Terminal(Stream.Null, console, console), random, lazy: lazy);
        var file = File.ReadAllBytes(Path.Combine(Folder(), "bin", name));
        var recorder = new EventRecorder();
        kernel.Attach(recorder);
        var process = linux.Spawn(name, linux.Load(file, ["bin/" + name, .. args], Environment));
        Assert.Equal(RunOutcome.Finished, kernel.Run());
        events = recorder.Events;
        return (process.ExitStatus, console.Text);
    }

    public static (int Status, string Output) OnQemu(string name, string[] args)
    {
        var qemu = Tool("qemu-riscv64-static", "qemu-riscv64");
        // The shell merges stderr into stdout as 2>&1 does; env -i then leaves the program only our environment.
        return Host("/bin/sh", ["-c", "exec env -i \"$@\" 2>&1", "sh", .. Environment, qemu, "bin/" + name, .. args]);
    }

    /// <summary>Runs a host command in userland/; the run-tests script installs what the tests call.</summary>
    public static (int Status, string Output) Host(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors);
    }

    /// <summary>The first of the names found on PATH; the test fails, naming them, when none is.</summary>
    public static string Tool(params string[] names)
    {
        var path = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        foreach (var name in names)
            foreach (var dir in path)
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new FileNotFoundException($"none of {string.Join(", ", names)} is installed (./run-tests installs them)");
    }
}
