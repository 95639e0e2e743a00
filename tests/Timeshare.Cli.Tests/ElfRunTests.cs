namespace Timeshare.Cli.Tests;

/// <summary>`timeshare run --elf`: a stand-in for qemu-riscv64 PROG.</summary>
public class ElfRunTests
{
    private static string Bin(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "userland", "bin", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"userland/bin/{name} not found");
    }

    [Fact]
    public void The_program_output_passes_through_and_its_arguments_are_its_own()
    {
        var (exit, stdout, stderr) = CliRunner.Run("run", "--elf", Bin("echo"), "-n", "--policy", "x");
        Assert.Equal(0, exit);
        Assert.Equal("--policy x", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Options_before_elf_configure_the_run_and_stats_go_to_stderr()
    {
        var (exit, stdout, stderr) = CliRunner.Run("run", "--policy", "fifo", "--stats", "--elf", Bin("hello"));
        Assert.Equal(0, exit);
        Assert.Equal("Hello from Timeshare userland!\n", stdout);
        Assert.Contains("Total time", stderr);
    }

    [Fact]
    public void A_missing_program_is_127_and_a_non_elf_is_126_each_in_one_line()
    {
        var missing = CliRunner.Run("run", "--elf", "/no/such/program");
        Assert.Equal(ElfRun.NotFound, missing.Exit);
        Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var text = CliRunner.TempFile("echo hi\n", ".sh");
        var notElf = CliRunner.Run("run", "--elf", text);
        Assert.Equal(ElfRun.CannotExecute, notElf.Exit);
        Assert.Contains("not a runnable riscv64 executable", Assert.Single(notElf.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Elf_without_a_program_is_a_usage_error() => CliRunner.AssertRefused("run", "--elf");
}
