using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Tests;

public class StrideTests
{
    private static Process Hog(Kernel k, string name, int tickets, long arrival = 0) =>
        k.Spawn(name, new ScriptExecutor(new Script([Step.Cpu(1_000_000)])), arrival, tickets: tickets);

    [Theory]
    [InlineData(1, 600)]
    [InlineData(2, 601)]
    [InlineData(5, 9_999)]
    public void Every_share_is_within_one_quantum_of_the_ticket_ratio_at_any_time(long quantum, long span)
    {
        var k = Harness.Build(new Stride(quantum));
        var shares = new ShareRecorder();
        k.Attach(shares);
        var hogs = new[] { Hog(k, "A", 100), Hog(k, "B", 200), Hog(k, "C", 300) };
        for (var t = 1; t <= span; t++)
        {
            k.Run(untilTick: t);
            foreach (var p in hogs)
                Assert.InRange(shares.TicksOf(p) * 600, (t * p.Tickets) - (quantum * 600), (t * p.Tickets) + (quantum * 600));
        }
    }

    [Fact]
    public void A_newcomer_gets_its_share_but_cannot_monopolize()
    {
        var k = Harness.Build(new Stride(quantum: 2));
        var shares = new ShareRecorder();
        k.Attach(shares);
        var old = Hog(k, "old", 100);
        var newcomer = Hog(k, "new", 100, arrival: 1_000);
        k.Run(untilTick: 1_000);
        shares.Reset();
        k.Run(untilTick: 1_100);
        Assert.InRange(shares.TicksOf(newcomer), 48, 52);
        Assert.InRange(shares.TicksOf(old), 48, 52);
    }

    [Fact]
    public void A_sleeper_earns_no_credit_while_blocked()
    {
        var k = Harness.Build(new Stride(quantum: 1), ioLatency: 50);
        var shares = new ShareRecorder();
        k.Attach(shares);
        var hog = Hog(k, "hog", 100);
        var sleeper = k.Spawn("sleeper", new ScriptExecutor(new Script([Step.Io, Step.Cpu(1_000)])), tickets: 100);
        k.Run(untilTick: 60);
        shares.Reset();
        k.Run(untilTick: 100);
        Assert.InRange(shares.TicksOf(sleeper), 19, 21);
        Assert.InRange(shares.TicksOf(hog), 19, 21);
    }

    [Fact]
    public void Equal_passes_go_to_the_lower_pid()
    {
        var k = Harness.Build(new Stride(quantum: 1));
        k.Spawn("A", "c3");
        k.Spawn("B", "c3");
        Assert.Equal("A B A B A B", k.Timeline());
    }

    [Fact]
    public void Stride_refuses_a_quantum_or_tickets_it_cannot_use()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Stride(0));
        Assert.Equal("stride:q=3", PolicySpec.Parse("stride:q=3").Name);
        var k = Harness.Build(new Stride());
        Assert.Throws<ArgumentOutOfRangeException>(() => k.Spawn("broke", new ScriptExecutor(new Script([Step.Cpu(1)])), tickets: 0));
    }
}
