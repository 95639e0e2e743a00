using Timeshare.Kernel.Processes;
using Timeshare.Ostep.Fork;

namespace Timeshare.Ostep.Tests.Fork;

/// <summary>fork.py's actions carried out by kernel processes.</summary>
public class KernelProcessTreeTests
{
    private static KernelProcessTree Build(bool localReparent, params string[] actions)
    {
        var tree = new KernelProcessTree("a", localReparent);
        foreach (var text in actions)
        {
            var action = ForkAction.Parse(text);
            var p = tree.Find(action.Process)!;
            if (action.Child is { } child) tree.Fork(p, child);
            else tree.Exit(p);
        }
        return tree;
    }

    private static string Shape(KernelProcessTree tree, Process p) =>
        p.ChildCount == 0 ? tree.NameOf(p) : $"{tree.NameOf(p)}({string.Join(" ", p.Children.Select(c => Shape(tree, c)))})";

    [Fact]
    public void Forks_make_kernel_children_in_order()
    {
        var tree = Build(false, "a+b", "a+c", "b+d");
        Assert.Equal("a(b(d) c)", Shape(tree, tree.Root));
        var d = tree.Find("d")!;
        Assert.True(d.IsAlive);
        Assert.Same(tree.Find("b"), d.Parent);
    }

    [Fact]
    public void An_exit_hands_every_descendant_to_the_root_and_the_parent_reaps_it()
    {
        var tree = Build(false, "a+b", "b+c", "c+d", "a+e", "b-");
        Assert.Equal("a(e c d)", Shape(tree, tree.Root));
        Assert.Null(tree.Find("b"));
    }

    [Fact]
    public void With_local_reparenting_orphans_go_to_the_exiting_process_s_parent()
    {
        var tree = Build(true, "a+b", "b+c", "c+d", "c+e", "c-");
        Assert.Equal("a(b(d e))", Shape(tree, tree.Root));
        Assert.Same(tree.Find("b"), tree.Find("e")!.Parent);
    }
}
