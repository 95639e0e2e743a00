using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class PolicyTests
{
    [Fact]
    public void Fifo_runs_each_process_to_completion_in_arrival_order()
    {
        var k = Harness.Build(new Fifo());
        k.Spawn("A", "c3");
        k.Spawn("B", "c2");
        k.Spawn("C", "c1", arrival: 1);
        Assert.Equal("A A A B B C", k.Timeline());
    }

    [Fact]
    public void Round_robin_interleaves_by_quantum()
    {
        var k = Harness.Build(new RoundRobin(2));
        k.Spawn("A", "c5");
        k.Spawn("B", "c3");
        Assert.Equal("A A B B A A B A", k.Timeline());
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 5)]
    [InlineData(3, 3)]
    public void Round_robin_response_time_is_at_most_n_minus_1_quanta(int quantum, int n)
    {
        var k = Harness.Build(new RoundRobin(quantum));
        var processes = Enumerable.Range(0, n).Select(i => k.Spawn($"P{i}", "c10")).ToList();
        k.Run();
        Assert.All(processes, p => Assert.InRange(p.Time.Response, 0, (n - 1) * quantum));
        Assert.Equal((n - 1) * quantum, processes.Max(p => p.Time.Response));
    }

    [Fact]
    public void Round_robin_rejects_a_quantum_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundRobin(0));
        Assert.Equal("rr:q=3", new RoundRobin(3).Name);
    }

    [Theory]
    [InlineData("scan", "B C C C C A B")]
    [InlineData("fifo", "B C C C C B A")]
    public void Table_scan_picks_by_pid_after_the_last_one_run_where_fifo_picks_by_readiness(string policy, string expected)
    {
        // B's I/O makes it Ready at tick 2, before A arrives at tick 3; A has the lower pid.
        var k = Harness.Build(policy == "scan" ? new TableScan() : new Fifo(), ioLatency: 1);
        k.Spawn("A", "c1", arrival: 3);
        k.Spawn("B", "i,c1");
        k.Spawn("C", "c4");
        Assert.Equal(expected, k.Timeline());
    }

    [Fact]
    public void A_process_preempted_by_a_woken_one_keeps_its_place_at_the_front()
    {
        var k = Harness.Build(new Fifo(), ioLatency: 2, dispatch: new Dispatch.DispatchOptions { Wake = Dispatch.WakePolicy.RunAtOnce });
        k.Spawn("A", "i,c1");
        k.Spawn("B", "c4");
        k.Spawn("C", "c1");
        Assert.Equal("A B B A B B C", k.Timeline());
    }

    [Fact]
    public void The_ready_queue_keeps_order_through_growth_removal_and_front_pushes()
    {
        var k = Harness.Build();
        var processes = Enumerable.Range(0, 300).Select(i => k.Spawn($"P{i}", "c1")).ToList();
        var queue = new ReadyQueue();
        foreach (var p in processes.Take(100)) queue.PushBack(p);
        queue.Remove(processes[50]);
        queue.PushFront(processes[200]);
        foreach (var p in processes.Skip(100).Take(100)) queue.PushBack(p);
        Assert.Equal(200, queue.Count);
        var order = new List<Process>();
        while (queue.PopFront() is { } p) order.Add(p);
        Assert.Equal([processes[200], .. processes.Take(50), .. processes.Skip(51).Take(149)], order);
        Assert.Throws<KernelBugException>(() => queue.Remove(processes[0]));
    }
}
