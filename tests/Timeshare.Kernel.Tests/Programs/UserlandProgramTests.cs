using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Tests.Programs;

/// <summary>
/// The committed userland binaries run on the kernel and print what they
/// printed under qemu-riscv64 (userland/expected, made by userland/check.sh
/// with the same arguments and environment).
/// </summary>
public class UserlandProgramTests
{
    public static TheoryData<string, string[]> Programs() => new()
    {
        { "hello", [] },
        { "args", ["one", "two words", ""] },
        { "echo", ["-n", "no newline"] },
        { "spinner", ["A", "1000000", "3"] },
        { "cpubench", ["1"] },
        { "libc-selftest", [] },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void A_program_prints_what_it_printed_under_qemu(string name, string[] args)
    {
        var (status, output) = Run(name, args);
        Assert.Equal(0, status);
        Assert.Equal(File.ReadAllText(Path.Combine(Userland(), "expected", name + ".out")), output);
    }

    [Fact]
    public void A_broken_file_is_refused_before_anything_runs()
    {
        var machine = new RiscvMachine(1 << 20);
        var console = new CapturingConsole();
        var error = Assert.Throws<ElfError>(() =>
            Exec.Prepare(machine, "#!/bin/sh\n"u8, ["x"], [], new LinuxSyscalls(console, console), new SeededRandom(0)));
        Assert.Contains("truncated", error.Message);
    }

    /// <summary>Runs bin/NAME in ticks of 10,000 instructions; returns its status and its output, stderr merged as 2>&amp;1 did.</summary>
    private static (int Status, string Output) Run(string name, string[] args)
    {
        var machine = new RiscvMachine();
        var console = new CapturingConsole();
        var kernel = new Kernel(new KernelConfig { Policy = new RoundRobin(1), CyclesPerTick = 10_000 });
        var file = File.ReadAllBytes(Path.Combine(Userland(), "bin", name));
        var program = Exec.Prepare(machine, file, ["bin/" + name, .. args], ["TS_CHECK=1"], new LinuxSyscalls(console, console), new SeededRandom(1));
        var process = kernel.Spawn(name, program);
        Assert.Equal(RunOutcome.Finished, kernel.Run());
        return (process.ExitStatus, console.Text);
    }

    private static string Userland()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "userland", "bin"))) return Path.Combine(dir.FullName, "userland");
        throw new DirectoryNotFoundException("userland/ not found above " + AppContext.BaseDirectory);
    }
}
