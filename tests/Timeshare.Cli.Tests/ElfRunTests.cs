namespace Timeshare.Cli.Tests;

/// <summary>`timeshare run --elf`: a stand-in for qemu-riscv64 PROG.</summary>
public class ElfRunTests
{
    private static string Bin(string name) => Timeshare.Tests.Repository.PathOf("userland", "bin", name);

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

    [Theory]
    [InlineData("rr:q=2", "A 1\nB 1\nA 2\nB 2\nA 3\nB 3\n")]
    [InlineData("fifo", "A 1\nA 2\nA 3\nB 1\nB 2\nB 3\n")]
    public void Two_spinners_interleave_under_round_robin_and_take_turns_under_fifo(string policy, string expected)
    {
        var (exit, stdout, _) = CliRunner.Run("run", "--policy", policy,
            "--elf", Bin("spinner"), "A", "300000", "3", "--elf", Bin("spinner"), "B", "300000", "3");
        Assert.Equal(0, exit);
        Assert.Equal(expected, stdout);
    }

    [Fact]
    public void With_stats_the_per_tick_table_of_real_processes_goes_to_stderr()
    {
        var (exit, stdout, stderr) = CliRunner.Run("run", "--stats", "--tick-cycles", "1000", "--elf", Bin("hello"));
        Assert.Equal(0, exit);
        Assert.Equal("Hello from Timeshare userland!\n", stdout);
        Assert.Matches(@"Tick\s+hello\s+CPU", stderr);
        Assert.Contains("RUN:sys", stderr);
    }

    [Fact]
    public void Each_elf_starts_a_program_whose_arguments_run_to_the_next()
    {
        var commands = ElfRun.Split(["a", "x", "--elf", "b", "--elf", "c", "y", "z"]);
        Assert.Equal([["a", "x"], ["b"], ["c", "y", "z"]], commands);
        CliRunner.AssertRefused("run", "--elf", Bin("hello"), "--elf");
        CliRunner.AssertRefused("run", "--tick-cycles", "0", "--elf", Bin("hello"));
    }

    [Fact]
    public void An_unknown_system_call_returns_enosys_and_is_in_the_trace()
    {
        var trace = Path.GetTempFileName();
        var (exit, stdout, _) = CliRunner.Run("run", "--trace-json", trace, "--elf", Bin("sysinfo"));
        Assert.Equal(0, exit);
        Assert.Contains("unknown system call: -1 errno 38", stdout);
        Assert.Contains(File.ReadAllLines(trace), line => line.Contains("\"event\":\"enosys\"") && line.Contains("\"number\":999"));
    }

    [Fact]
    public void Lazy_loading_shows_each_page_fault_in_the_trace()
    {
        var trace = Path.GetTempFileName();
        var (exit, stdout, _) = CliRunner.Run("run", "--load", "lazy", "--trace-json", trace, "--elf", Bin("hello"));
        Assert.Equal(0, exit);
        Assert.Equal("Hello from Timeshare userland!\n", stdout);
        Assert.Contains(File.ReadAllLines(trace), line => line.Contains("\"event\":\"page_fault\""));
        CliRunner.AssertRefused("run", "--load", "sometimes", "--elf", Bin("hello"));
    }
}
