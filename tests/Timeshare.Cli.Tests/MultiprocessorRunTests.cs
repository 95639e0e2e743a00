namespace Timeshare.Cli.Tests;

/// <summary>`run` and `compare` on several CPUs, with per-CPU queues and the cache model.</summary>
public class MultiprocessorRunTests
{
    private static readonly string Pinned = """
        { "processes": [
            { "name": "pinned", "script": "c6", "affinity": [1], "working_set": 40 },
            { "name": "free", "script": "c6,i,c2", "working_set": 40 },
            { "name": "big", "script": "c8", "working_set": 80 } ] }
        """;

    [Fact]
    public void Two_cpus_run_two_processes_at_once()
    {
        var (exit, stdout, _) = CliRunner.Run("run", "c4:c4", "--cpus", "2");
        Assert.Equal(0, exit);
        Assert.Contains("2 CPUs", stdout);
        Assert.Contains("Total time        4 ticks", stdout);
        Assert.Contains("1,1", stdout);
    }

    [Fact]
    public void Per_cpu_queues_with_stealing_and_a_cache_are_deterministic()
    {
        var file = CliRunner.TempFile(Pinned);
        string[] args = ["run", file, "--cpus", "2", "--per-cpu-queues", "--steal-interval", "2", "--cache-size", "100", "--warmup", "2", "--seed", "3"];
        var first = CliRunner.Run(args);
        Assert.Equal(0, first.Exit);
        Assert.Contains("policy percpu:q=2,steal=2", first.Stdout);
        // Warm after 2 ticks, the pinned process does its 6 units in 4 ticks, all on CPU 1.
        Assert.Matches(@"pinned\s+2\s+0\s+0\s+4\s", first.Stdout);
        Assert.Contains("migrations", first.Stdout);
        Assert.Equal(first.Stdout, CliRunner.Run(args).Stdout);
    }

    [Fact]
    public void An_affinity_beyond_the_cpus_is_refused_in_one_line()
    {
        var (exit, _, stderr) = CliRunner.Run("run", CliRunner.TempFile(Pinned), "--cpus", "1");
        Assert.Equal(2, exit);
        Assert.Contains("affinity names CPU 1", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Compare_runs_every_policy_on_several_cpus()
    {
        var (exit, stdout, _) = CliRunner.Run("compare", "c5:c5:c5", "--cpus", "3", "--policies", "fifo,rr");
        Assert.Equal(0, exit);
        Assert.Matches(@"fifo\s+5\.00", stdout);
    }
}
