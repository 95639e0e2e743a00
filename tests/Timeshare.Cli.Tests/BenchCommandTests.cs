namespace Timeshare.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public void The_kernel_bench_runs_every_step_and_ends_with_steps_per_second()
    {
        var (exit, stdout, _) = CliRunner.Run("bench", "kernel", "--processes", "10", "--steps", "1000", "--policy", "stride");
        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Contains("ran 1000 ticks", stdout);
        Assert.Matches(@"^\d+ steps per second$", lines[^1]);
    }

    [Fact]
    public void Bad_sizes_are_refused() => CliRunner.AssertRefused("bench", "kernel", "--processes", "0");
}
