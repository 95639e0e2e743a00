using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class SjfTests
{
    private static readonly int[] Lengths = [5, 1, 8, 3, 2];

    [Fact]
    public void Sjf_gives_the_least_average_turnaround_of_every_order_when_all_arrive_together()
    {
        var sjf = AverageTurnaround(new Sjf(), Lengths);
        var everyOrder = Permutations(Lengths).Select(order => AverageTurnaround(new Fifo(), order)).ToList();
        Assert.Equal(120, everyOrder.Count);
        Assert.Equal(everyOrder.Min(), sjf);
        Assert.True(everyOrder.Max() > sjf);
    }

    [Fact]
    public void Sjf_breaks_the_convoy_that_fifo_builds_behind_a_long_job()
    {
        int[] convoy = [100, 10, 10];
        Assert.Equal((100 + 110 + 120) / 3.0, AverageTurnaround(new Fifo(), convoy));
        Assert.Equal((10 + 20 + 120) / 3.0, AverageTurnaround(new Sjf(), convoy));
    }

    [Fact]
    public void Sjf_never_preempts_the_running_job_for_a_shorter_arrival()
    {
        var k = Harness.Build(new Sjf());
        k.SpawnJob("A", 4);
        k.SpawnJob("B", 1, arrival: 1);
        Assert.Equal("A A A A B", k.Timeline());
    }

    [Fact]
    public void Equal_lengths_run_in_arrival_order_then_pid_order()
    {
        var k = Harness.Build(new Sjf());
        k.SpawnJob("X", 4);
        k.SpawnJob("D", 2, arrival: 2);
        k.SpawnJob("C", 2, arrival: 1);
        k.SpawnJob("E", 2, arrival: 1);
        k.SpawnJob("L", 3, arrival: 1);
        Assert.Equal("X X X X C C E E D D L L L", k.Timeline());
    }

    [Fact]
    public void Sjf_refuses_a_process_without_a_declared_length()
    {
        var k = Harness.Build(new Sjf());
        k.SpawnJob("A", 2);
        var error = Assert.Throws<PolicyError>(() => k.Spawn("B", "c3"));
        Assert.Equal("sjf needs a declared length for every process; 'B' has none", error.Message);
    }

    [Fact]
    public void Sjf_and_stcf_are_known_by_name()
    {
        Assert.IsType<Sjf>(PolicySpec.Parse("sjf"));
        Assert.IsType<Stcf>(PolicySpec.Parse("stcf"));
        Assert.Contains("stcf", PolicySpec.Names);
    }

    /// <summary>Spawns the jobs in the given order, all at tick 0, and runs them.</summary>
    internal static double AverageTurnaround(ISchedulingPolicy policy, IReadOnlyList<int> lengths)
    {
        var k = Harness.Build(policy);
        var jobs = lengths.Select((n, i) => k.SpawnJob($"J{i}", n)).ToList();
        Assert.Equal(RunOutcome.Finished, k.Run());
        return jobs.Average(p => (double)p.Time.Turnaround);
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((first, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (int[])[first, .. rest]));
}
