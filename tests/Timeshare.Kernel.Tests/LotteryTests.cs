using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Tests;

public class LotteryTests
{
    private static Process Hog(Kernel k, string name, int tickets) =>
        k.Spawn(name, new ScriptExecutor(new Script([Step.Cpu(1_000_000)])), tickets: tickets);

    private static (Kernel, ShareRecorder) Build(Lottery lottery)
    {
        var k = Harness.Build(lottery);
        var shares = new ShareRecorder();
        k.Attach(shares);
        return (k, shares);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(42, 1)]
    public void Shares_converge_to_the_ticket_ratio(long seed, long quantum)
    {
        var (k, shares) = Build(new Lottery(new SeededRandom(seed), quantum));
        var hogs = new[] { Hog(k, "A", 100), Hog(k, "B", 200), Hog(k, "C", 300) };
        const long span = 30_000;
        Assert.Equal(RunOutcome.Paused, k.Run(untilTick: span));
        foreach (var p in hogs)
            Assert.InRange(shares.TicksOf(p), span * p.Tickets / 600 * 97 / 100, span * p.Tickets / 600 * 103 / 100);
    }

    [Fact]
    public void Lending_tickets_moves_the_share_and_returning_them_restores_it()
    {
        var lottery = new Lottery(new SeededRandom(5));
        var (k, shares) = Build(lottery);
        var client = Hog(k, "client", 100);
        var server = Hog(k, "server", 100);
        k.Run(untilTick: 10_000);
        Assert.InRange(shares.TicksOf(server), 4_700, 5_300);

        lottery.Transfer(client, server, 80);
        Assert.Equal((20, 180), (lottery.TicketsOf(client), lottery.TicketsOf(server)));
        shares.Reset();
        k.Run(untilTick: 20_000);
        Assert.InRange(shares.TicksOf(server), 8_700, 9_300);

        lottery.Transfer(server, client, 80);
        shares.Reset();
        k.Run(untilTick: 30_000);
        Assert.InRange(shares.TicksOf(server), 4_700, 5_300);
        Assert.Equal(100, client.Tickets);
    }

    [Fact]
    public void A_lender_keeps_at_least_one_ticket_and_strangers_cannot_trade()
    {
        var lottery = new Lottery(new SeededRandom(1));
        var k = Harness.Build(lottery);
        var a = Hog(k, "A", 10);
        var b = Hog(k, "B", 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => lottery.Transfer(a, b, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => lottery.Transfer(a, b, 0));
        lottery.Transfer(a, b, 9);
        Assert.Equal((1, 19), (lottery.TicketsOf(a), lottery.TicketsOf(b)));
        k.Run();
        Assert.Throws<ArgumentException>(() => lottery.Transfer(b, a, 1));
    }

    [Fact]
    public void Users_name_it_with_a_quantum_and_a_seed()
    {
        var lottery = Assert.IsType<Lottery>(PolicySpec.Parse("lottery:q=3,seed=9"));
        Assert.Equal(("lottery:q=3", false), (lottery.Name, lottery.OstepRules));
        Assert.Equal(Lottery.DefaultQuantum, Assert.IsType<Lottery>(PolicySpec.Parse("lottery")).Quantum);
        Assert.Throws<FormatException>(() => PolicySpec.Parse("lottery:q=0"));
    }

    [Fact]
    public void A_process_without_tickets_is_refused()
    {
        var k = Harness.Build(new Lottery(new SeededRandom(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => k.Spawn("broke", new ScriptExecutor(new Script([Step.Cpu(1)])), tickets: 0));
    }

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_seed_another()
    {
        string Run(long seed)
        {
            var k = Harness.Build(new Lottery(new SeededRandom(seed), quantum: 2));
            k.Spawn("A", "c12");
            k.Spawn("B", "c12");
            k.Spawn("C", "c3,i,c3");
            return k.Timeline();
        }
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void Each_draw_goes_to_the_first_process_whose_running_sum_of_tickets_exceeds_it()
    {
        // 200 processes also make the ticket tree grow past its first size; OSTEP's rules allow any count.
        var random = new Random(11);
        var tickets = Enumerable.Range(0, 200).Select(_ => random.Next(-20, 60)).ToArray();
        var draws = Enumerable.Range(0, 50).Select(_ => (long)random.Next(-100, 3_000)).ToArray();
        var lottery = new Lottery(new Tape(draws), ostepRules: true);
        var k = Harness.Build(lottery);
        var processes = tickets.Select((t, i) => Hog(k, $"P{i}", t)).ToArray();
        var winners = new List<Process?>();
        lottery.Drawn = d => winners.Add(d.Winner);
        k.Run(untilTick: draws.Length);

        Process? previous = null;
        for (var i = 0; i < draws.Length; i++)
        {
            var sum = 0L;
            var first = Array.FindIndex(tickets, t => (sum += t) > draws[i]);
            var expected = first >= 0 ? processes[first] : previous;
            Assert.Same(expected, winners[i]);
            previous = expected;
        }
    }

    [Fact]
    public void Under_OSTEP_rules_a_draw_for_a_process_that_exited_is_void_and_the_next_one_counts()
    {
        // A (1 tick, 10 tickets) wins and exits; B holds -5, so the total is -5 and ticket -3 goes to nobody:
        // the previous winner, A, has exited, the draw is void. Then ticket 4 of 5... B still cannot win, and
        // the tape runs dry: nobody runs, and the kernel reports that it is stuck.
        var lottery = new Lottery(new Tape([2, -3, -1]), ostepRules: true);
        var k = Harness.Build(lottery);
        var a = k.Spawn("A", new ScriptExecutor(new Script([Step.Cpu(1)])), tickets: 10);
        var b = k.Spawn("B", new ScriptExecutor(new Script([Step.Cpu(1)])), tickets: -5);
        var draws = new List<LotteryDraw>();
        lottery.Drawn = draws.Add;
        Assert.Equal(RunOutcome.Stuck, k.Run());
        Assert.Equal(
            [new LotteryDraw(2, 5, a, true), new LotteryDraw(-3, -5, a, false), new LotteryDraw(-1, -5, a, false)],
            draws);
        Assert.Equal(ProcessState.Ready, b.State);
    }

    /// <summary>Hands out the given numbers as they are, then runs dry.</summary>
    private sealed class Tape(long[] numbers) : IDrawSource
    {
        private int _next;

        public bool TryNextBelow(long n, out long value)
        {
            value = _next < numbers.Length ? numbers[_next] : 0;
            return _next++ < numbers.Length;
        }
    }
}
