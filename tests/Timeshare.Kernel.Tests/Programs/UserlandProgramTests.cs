using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Tests.Programs;

/// <summary>
/// The userland binaries run on the kernel as they do under qemu-riscv64:
/// against the recorded output in userland/expected, and side by side with
/// a live qemu run. And the binaries are what their sources build to.
/// </summary>
public class UserlandProgramTests
{
    public static TheoryData<string, string[]> Programs() => Userland.Programs();
    public static TheoryData<string, string[]> ForkingPrograms() => Userland.ForkingPrograms();

    [Theory]
    [MemberData(nameof(Programs))]
    [MemberData(nameof(ForkingPrograms))]
    public void A_program_prints_its_recorded_output(string name, string[] args)
    {
        var (status, output) = Userland.OnTimeshare(name, args);
        Assert.Equal(0, status);
        Assert.Equal(File.ReadAllText(Path.Combine(Userland.Folder(), "expected", name + ".out")), output);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Loaded_lazily_a_program_prints_the_same_and_faults_in_each_page_it_touches(string name, string[] args)
    {
        var eager = Userland.OnTimeshare(name, args, lazy: false, out var eagerFaults);
        var lazy = Userland.OnTimeshare(name, args, lazy: true, out var lazyFaults);
        Assert.Equal(eager, lazy);
        Assert.Equal(0, eagerFaults);
        var image = ElfParser.Parse(File.ReadAllBytes(Path.Combine(Userland.Folder(), "bin", name)));
        var pages = image.Segments.Sum(s => (long)((s.End + 4095) / 4096 - s.VirtualAddress / 4096));
        Assert.InRange(lazyFaults, 1, pages);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    [MemberData(nameof(ForkingPrograms))]
    public void A_program_prints_and_exits_as_under_qemu(string name, string[] args)
    {
        var qemu = Userland.OnQemu(name, args);
        var timeshare = Userland.OnTimeshare(name, args);
        Assert.Equal(qemu.Output, timeshare.Output);
        Assert.Equal(qemu.Status, timeshare.Status);
    }

    [Fact]
    public void A_store_to_a_page_made_read_only_ends_the_program_with_sigsegv_as_under_qemu()
    {
        var (status, output) = Userland.OnTimeshare("segv", []);
        Assert.Equal("writable, then read-only: 0\n", output);
        Assert.Equal(128 + 11, status);
        // qemu's own crash message differs; its status and what the program printed must not.
        var qemu = Userland.OnQemu("segv", []);
        Assert.Equal(status, qemu.Status);
        Assert.StartsWith(output, qemu.Output);
    }

    [Fact]
    public void Rebuilding_the_userland_reproduces_the_committed_binaries_byte_for_byte()
    {
        var output = Directory.CreateTempSubdirectory("userland-build").FullName;
        var (status, log) = Userland.Host("/bin/bash", [Path.Combine(Userland.Folder(), "build.sh"), output]);
        Assert.True(status == 0, log);
        var committed = Directory.GetFiles(Path.Combine(Userland.Folder(), "bin")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(committed, Directory.GetFiles(Path.Combine(output, "bin")).Select(Path.GetFileName).Order());
        foreach (var name in committed)
            Assert.True(File.ReadAllBytes(Path.Combine(Userland.Folder(), "bin", name!)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(output, "bin", name!))), $"{name} differs when rebuilt");
    }

    [Fact]
    public void A_broken_file_is_refused_before_anything_runs()
    {
        var machine = new RiscvMachine(1 << 20);
        var error = Assert.Throws<ElfError>(() => Exec.Prepare(machine, "#!/bin/sh\n"u8.ToArray(), ["x"], [], new SeededRandom(0)));
        Assert.Contains("truncated", error.Message);
    }
}
