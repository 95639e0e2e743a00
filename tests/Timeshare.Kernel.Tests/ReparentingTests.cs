using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Tests;

/// <summary>Child order, subreapers and the two orphan adoption modes.</summary>
public class ReparentingTests
{
    private static Script Run(params Step[] steps) => new(steps);

    private static Kernel Build(OrphanAdoption orphans = OrphanAdoption.Children) =>
        new(new KernelConfig { Policy = new RoundRobin(1), Orphans = orphans });

    private static Process Named(Kernel k, string name) => k.Api.Created.Single(p => p.Name == name);

    [Fact]
    public void Children_keep_their_order_when_one_leaves()
    {
        var k = Build();
        // The first child exits first and is reaped; the others must not change places.
        var p = k.Spawn("P", Step.Fork(Run(Step.Cpu(1))), Step.Fork(Run(Step.Cpu(50))), Step.Fork(Run(Step.Cpu(50))), Step.Wait(), Step.Cpu(50));
        k.Run(untilTick: 15);
        Assert.Equal(ProcessState.Zombie, Named(k, "P.1").State);
        Assert.Equal(["P.2", "P.3"], p.Children.Select(c => c.Name));
        Assert.Equal(2, p.ChildCount);
    }

    [Fact]
    public void A_subreaper_adopts_the_orphans_below_it_instead_of_init()
    {
        var k = Build();
        var s = k.Spawn("S", Step.Fork(Run(Step.Fork(Run(Step.Cpu(50))), Step.Cpu(2), Step.Exit())), Step.Cpu(50));
        Assert.True(k.Api.SetSubreaper(s.Pid));
        var events = new EventRecorder();
        k.Attach(events);
        k.Run(untilTick: 20);
        var middle = Named(k, "S.1");
        var grandchild = Named(k, "S.1.1");
        Assert.Equal(ProcessState.Zombie, middle.State);
        Assert.Same(s, grandchild.Parent);
        Assert.Contains(events.Events, e => e.Kind == EventKind.Reparented && e.Pid == grandchild.Pid && e.Other == s.Pid);
    }

    [Fact]
    public void Without_a_subreaper_orphans_still_go_to_init()
    {
        var k = Build();
        k.Spawn("S", Step.Fork(Run(Step.Fork(Run(Step.Cpu(50))), Step.Cpu(2), Step.Exit())), Step.Cpu(50));
        k.Run(untilTick: 20);
        Assert.Same(k.Api.Init, Named(k, "S.1.1").Parent);
    }

    [Theory]
    [InlineData(OrphanAdoption.Children, "S: S.1.1 | S.1.1: S.1.1.1")]
    [InlineData(OrphanAdoption.WholeSubtree, "S: S.1.1, S.1.1.1 | S.1.1: ")]
    public void The_adoption_mode_decides_whether_grandchildren_move_too(OrphanAdoption mode, string expected)
    {
        var k = Build(mode);
        // S waits, so it reaps the middle process at once and keeps only live children.
        var grandchild = Run(Step.Fork(Run(Step.Cpu(50))), Step.Cpu(50));
        var s = k.Spawn("S", Step.Fork(Run(Step.Fork(grandchild), Step.Cpu(6), Step.Exit())), Step.Wait(), Step.Cpu(50));
        k.Api.SetSubreaper(s.Pid);
        k.Run(untilTick: 40);
        Assert.Equal(ProcessState.Zombie, Named(k, "S.1").State);
        var c = Named(k, "S.1.1");
        string Line(Process p) => $"{p.Name}: {string.Join(", ", p.Children.Select(x => x.Name))}";
        Assert.Equal(expected, $"{Line(s)} | {Line(c)}");
    }

    [Fact]
    public void A_zombie_adopted_by_a_waiting_subreaper_is_reaped()
    {
        var k = Build();
        // The grandchild exits at once and stays a zombie: its parent never waits.
        // When the parent exits, the subreaper, blocked in wait, adopts and reaps both.
        var s = k.Spawn("S", Step.Fork(Run(Step.Fork(Run(Step.Exit(3))), Step.Cpu(8), Step.Exit())), Step.Wait(), Step.Wait(), Step.Cpu(1));
        k.Api.SetSubreaper(s.Pid);
        var events = new EventRecorder();
        k.Attach(events);
        Assert.Equal(RunOutcome.Finished, k.Run());
        var grandchild = Named(k, "S.1.1");
        Assert.Contains(events.Events, e => e.Kind == EventKind.Reaped && e.Pid == grandchild.Pid && e.Other == s.Pid && e.Value == 3);
        Assert.Equal(1, k.Table.Count);
    }
}
