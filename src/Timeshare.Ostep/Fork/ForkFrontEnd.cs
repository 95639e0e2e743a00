using System.Numerics;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Fork;

/// <summary>
/// OSTEP's fork.py on the kernel: the actions are drawn or read as the
/// reference does, carried out by kernel processes, and every tree is drawn
/// from the kernel's parent and child links.
/// </summary>
public static class ForkFrontEnd
{
    private const string RootName = "a";
    /// <summary>More random actions than this would take longer to print than to predict.</summary>
    private const int MaxActions = 1_000_000;

    public static void Simulate(ForkOptions o, Stream stdout)
    {
        var random = new PythonRandom(o.Seed == ForkOptions.NoSeed ? Random.Shared.NextInt64() : o.Seed);
        if (!(o.ForkPercentage > 0.001)) throw new OstepError($"-f must be above 0.001, got {PyFormat.Str(o.ForkPercentage)}");
        var style = TreeStyle.Parse(o.PrintStyle);
        if (o.ActionList == "" && o.Actions > MaxActions) throw new OstepError($"-a {o.Actions} is more than the {MaxActions} actions allowed");
        using var output = new AsciiWriter(stdout);
        WriteArgs(o, output);
        var tree = new KernelProcessTree(RootName, o.LocalReparent);
        var writer = new TreeWriter<Kernel.Processes.Process>(style, tree.NameOf, p => p.Children);
        void WriteTree() => writer.Write(output, tree.Root);

        output.WriteLine("                           Process Tree:");
        WriteTree();
        output.WriteLine();
        var actions = o.ActionList != ""
            ? o.ActionList.Split(',')
            : RandomActions.Draw(random, (long)BigInteger.Max(o.Actions, 0), o.ForkPercentage, RootName).Select(a => a.ToString());
        foreach (var text in actions)
        {
            var done = Apply(tree, ForkAction.Parse(text), text, o.LeafOnly);
            output.WriteLine(o.ShowTree && !o.Solve ? "Action?" : "Action: " + done);
            if (o.JustFinal) continue;
            if (o.ShowTree || o.Solve) WriteTree();
            else output.WriteLine("Process Tree?");
        }
        if (!o.JustFinal) return;
        if (o.ShowTree || o.Solve)
        {
            output.WriteLine("\n                        Final Process Tree:");
            WriteTree();
            output.WriteLine();
        }
        else output.WriteLine("\n                        Final Process Tree?\n");
    }

    private static void WriteArgs(ForkOptions o, AsciiWriter output)
    {
        output.WriteLine();
        output.WriteLine(PyFormat.PrintJoin("ARG seed", o.Seed));
        output.WriteLine(PyFormat.PrintJoin("ARG fork_percentage", o.ForkPercentage));
        output.WriteLine(PyFormat.PrintJoin("ARG actions", o.Actions));
        output.WriteLine(PyFormat.PrintJoin("ARG action_list", o.ActionList));
        output.WriteLine(PyFormat.PrintJoin("ARG show_tree", o.ShowTree));
        output.WriteLine(PyFormat.PrintJoin("ARG just_final", o.JustFinal));
        output.WriteLine(PyFormat.PrintJoin("ARG leaf_only", o.LeafOnly));
        output.WriteLine(PyFormat.PrintJoin("ARG local_reparent", o.LocalReparent));
        output.WriteLine(PyFormat.PrintJoin("ARG print_style", o.PrintStyle));
        output.WriteLine(PyFormat.PrintJoin("ARG solve", o.Solve));
        output.WriteLine();
    }

    /// <summary>Carries out one action on the kernel and says what happened, in the reference's words.</summary>
    private static string Apply(KernelProcessTree tree, ForkAction action, string text, bool leafOnly)
    {
        var p = tree.Find(action.Process) ?? throw ForkAction.Bad(text);
        if (action.Child is { } child)
        {
            tree.Fork(p, child);
            return $"{action.Process} forks {child}";
        }
        if (leafOnly && p.ChildCount > 0) return $"{action.Process} EXITS (failed: has children)";
        if (p == tree.Root) throw new OstepError($"the root process {RootName} cannot exit");
        tree.Exit(p);
        return $"{action.Process} EXITS";
    }
}
