using Timeshare.Kernel.Devices;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Kernel.Workloads;

namespace Timeshare.Kernel.Tests;

/// <summary>The sleep and print steps.</summary>
public class SleepAndPrintTests
{
    [Fact]
    public void A_sleeper_is_blocked_for_its_ticks_then_ready()
    {
        var k = Harness.Build(new Fifo());
        var p = k.Spawn("P", Step.Sleep(5), Step.Cpu(1));
        var events = new EventRecorder();
        k.Attach(events);
        Assert.Equal(RunOutcome.Finished, k.Run());
        var blocked = events.Events.Single(e => e.Kind == EventKind.StateChanged && e.Pid == p.Pid && e.To == ProcessState.Blocked);
        var woken = events.Events.Single(e => e.Kind == EventKind.StateChanged && e.Pid == p.Pid && e.From == ProcessState.Blocked);
        Assert.Equal((1L, Cause.SleepStarted), (blocked.Time, blocked.Cause));
        Assert.Equal((6L, Cause.SleepDone, ProcessState.Ready), (woken.Time, woken.Cause, woken.To));
        Assert.Equal(5, p.Time.Blocked);
        Assert.Equal(7, p.Time.Finish);
    }

    [Fact]
    public void Others_run_while_a_process_sleeps()
    {
        var k = Harness.Build(new Fifo());
        k.Spawn("A", Step.Sleep(2), Step.Cpu(1));
        k.Spawn("B", Step.Cpu(4));
        Assert.Equal("A B B B B A", k.Timeline());
    }

    [Fact]
    public void A_killed_sleeper_stays_dead_when_its_timer_fires()
    {
        var k = Harness.Build(new Fifo());
        var p = k.Spawn("P", Step.Sleep(3), Step.Cpu(1));
        var other = k.Spawn("Q", Step.Cpu(6));
        k.Run(untilTick: 2);
        Assert.True(k.Api.Kill(p.Pid));
        Assert.Equal(RunOutcome.Finished, k.Run());
        Assert.Equal(ProcessState.Zombie, p.State);
        Assert.Equal(ProcessApi.KilledStatus, p.ExitStatus);
        Assert.Equal(6, other.Time.Cpu);
    }

    [Fact]
    public void Prints_reach_the_console_in_the_order_they_ran_with_time_and_writer()
    {
        var k = Harness.Build(new RoundRobin(1));
        var a = k.Spawn("A", Step.Print("a1"), Step.Cpu(1), Step.Print("a2"));
        var b = k.Spawn("B", Step.Print("b1"), Step.Sleep(3), Step.Print("b2"));
        var console = new ConsoleRecorder();
        k.Attach(console);
        Assert.Equal(RunOutcome.Finished, k.Run());
        // B's sleep call runs in tick 3..4; its timer fires at 7 and it prints in tick 7..8.
        Assert.Equal(["1 A a1", "2 B b1", "5 A a2", "8 B b2"], console.Lines);
        Assert.Equal((5L, 8L), (a.Time.Finish, b.Time.Finish));
    }

    [Fact]
    public void Workload_json_accepts_sleep_and_print()
    {
        var w = WorkloadJson.Parse("""{ "processes": [ { "script": ["sleep 3", "print hello,  world", "exit"] } ] }""");
        var steps = w.Processes[0].Script.Steps;
        Assert.Equal([Step.Sleep(3), Step.Print("hello,  world"), Step.Exit()], steps);
    }

    private sealed class ConsoleRecorder : IConsole
    {
        public List<string> Lines { get; } = [];
        public void Write(long time, Process writer, string text) => Lines.Add($"{time} {writer.Name} {text}");
    }
}
