using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Tests;

public class ProcessApiTests
{
    [Fact]
    public void Init_is_pid_1_and_spawned_processes_are_its_children()
    {
        var k = Harness.Build();
        var a = k.Spawn("A", "c1");
        Assert.Equal(ProcessTable.InitPid, k.Api.Init.Pid);
        Assert.Equal(2, a.Pid);
        Assert.Same(k.Api.Init, a.Parent);
        Assert.Same(a, k.Table.Find(a.Pid));
    }

    [Fact]
    public void Fork_makes_a_ready_child_and_wait_reaps_it()
    {
        var k = Harness.Build(new Fifo());
        var parent = k.Spawn("P", Step.Fork(new Script([Step.Cpu(3), Step.Exit(7)])), Step.Wait(), Step.Cpu(1));
        var events = new EventRecorder();
        k.Attach(events);
        Assert.Equal(RunOutcome.Finished, k.Run());
        var child = Assert.Single(k.Api.Created, p => p.Name == "P.1");
        Assert.Equal(7, child.ExitStatus);
        Assert.Null(k.Table.Find(child.Pid));
        Assert.Contains(events.Events, e => e.Kind == Events.EventKind.Reaped && e.Pid == child.Pid && e.Other == parent.Pid && e.Value == 7);
        // The parent blocked in wait until the child's exit woke it.
        Assert.Contains((ProcessState.Running, ProcessState.Blocked), events.TransitionsOf(parent.Pid));
        Assert.True(parent.Time.Finish > child.Time.Finish);
    }

    [Fact]
    public void Wait_reaps_a_zombie_without_blocking()
    {
        var k = Harness.Build(new RoundRobin(1));
        // The child exits while the parent computes, so the wait finds a zombie.
        var parent = k.Spawn("P", Step.Fork(new Script([Step.Cpu(1)])), Step.Cpu(5), Step.Wait(), Step.Cpu(1));
        var events = new EventRecorder();
        k.Attach(events);
        k.Run();
        Assert.DoesNotContain((ProcessState.Running, ProcessState.Blocked), events.TransitionsOf(parent.Pid));
        Assert.Equal(1, events.Events.Count(e => e.Kind == Events.EventKind.Reaped && e.Other == parent.Pid));
    }

    [Fact]
    public void Wait_with_no_children_returns_at_once()
    {
        var k = Harness.Build();
        var p = k.Spawn("P", Step.Wait(), Step.Cpu(2));
        Assert.Equal(RunOutcome.Finished, k.Run());
        Assert.Equal(3, p.Time.Turnaround);
    }

    [Fact]
    public void Orphans_go_to_init_which_reaps_them()
    {
        var k = Harness.Build(new Fifo());
        var parent = k.Spawn("P", Step.Fork(new Script([Step.Cpu(10)])), Step.Exit());
        var events = new EventRecorder();
        k.Attach(events);
        Assert.Equal(RunOutcome.Finished, k.Run());
        var orphan = k.Api.Created.Single(p => p.Pid != parent.Pid);
        Assert.Same(k.Api.Init, orphan.Parent);
        Assert.Contains(events.Events, e => e.Kind == Events.EventKind.Reparented && e.Pid == orphan.Pid);
        Assert.Contains(events.Events, e => e.Kind == Events.EventKind.Reaped && e.Pid == orphan.Pid && e.Other == ProcessTable.InitPid);
        Assert.Equal(1, k.Table.Count);
    }

    [Fact]
    public void Kill_ends_a_process_in_any_state()
    {
        var k = Harness.Build(new RoundRobin(1), ioLatency: 50);
        var running = k.Spawn("R", "c100");
        var blocked = k.Spawn("B", "i,c5");
        var ready = k.Spawn("Q", "c100");
        k.Run(untilTick: 3);
        Assert.Equal(ProcessState.Blocked, blocked.State);
        Assert.True(k.Api.Kill(blocked.Pid));
        Assert.True(k.Api.Kill(ready.Pid));
        Assert.False(k.Api.Kill(ready.Pid));
        Assert.False(k.Api.Kill(ProcessTable.InitPid));
        Assert.Equal(RunOutcome.Finished, k.Run());
        Assert.Equal(ProcessApi.KilledStatus, blocked.ExitStatus);
        Assert.Equal(0, running.ExitStatus);
        Assert.Equal(100, running.Time.Cpu);
    }

    [Fact]
    public void A_stopped_process_gets_no_cpu_until_continued()
    {
        var k = Harness.Build(new RoundRobin(1));
        var a = k.Spawn("A", "c10");
        var b = k.Spawn("B", "c10");
        k.Run(untilTick: 4);
        Assert.True(k.Api.Stop(a.Pid));
        Assert.Equal(ProcessState.Stopped, a.State);
        var cpuAtStop = a.Time.Cpu;
        k.Run(untilTick: 10);
        Assert.Equal(cpuAtStop, a.Time.Cpu);
        Assert.True(b.Time.Cpu > 5);
        Assert.True(k.Api.Continue(a.Pid));
        Assert.Equal(RunOutcome.Finished, k.Run());
        Assert.Equal(10, a.Time.Cpu);
        Assert.Equal(6, a.Time.Stopped);
    }

    [Fact]
    public void Stopping_a_blocked_process_takes_effect_when_it_wakes()
    {
        var k = Harness.Build(ioLatency: 3);
        var a = k.Spawn("A", "i,c2");
        k.Run(untilTick: 2);
        Assert.True(k.Api.Stop(a.Pid));
        Assert.Equal(ProcessState.Blocked, a.State);
        Assert.Equal(RunOutcome.Stuck, k.Run());
        Assert.Equal(ProcessState.Stopped, a.State);
        Assert.True(k.Api.Continue(a.Pid));
        Assert.Equal(RunOutcome.Finished, k.Run());
    }

    [Fact]
    public void Nice_is_clamped_and_status_lists_every_process()
    {
        var k = Harness.Build();
        var a = k.Spawn("A", "c1");
        Assert.True(k.Api.SetNice(a.Pid, 40));
        Assert.Equal(ProcessApi.MaxNice, a.Nice);
        Assert.False(k.Api.SetNice(99, 0));
        var ps = k.Api.Status();
        Assert.Equal([1, 2], ps.Select(s => s.Pid));
        Assert.Equal("A", ps[1].Name);
        Assert.Equal(1, ps[1].ParentPid);
    }
}
