using Timeshare.Kernel.Scripts;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// A generated program as kernel scripts, one per process, each doing what
/// the runnable C file does: a child sleeps, prints NAME+, and runs its
/// actions; a fork prints P->C first; a wait prints P&lt;- once it returns
/// (the console adds whom it reaped); a child prints NAME- and exits.
/// </summary>
public static class ProgramScripts
{
    public const string Root = "a";

    /// <summary>The root's script; the actions have passed <see cref="CProgram.Runnable"/>'s checks.</summary>
    public static Script For(IReadOnlyList<ProgramAction> actions, Func<string, int> sleepTicks)
    {
        var next = 0;
        List<Step> steps = [Step.Print(Root + "+")];
        AddBody(Root, actions, ref next, steps, sleepTicks);
        return new Script(steps);
    }

    /// <summary>Adds the actions of process <paramref name="name"/>, from <paramref name="next"/> to its exit or the end.</summary>
    private static void AddBody(string name, IReadOnlyList<ProgramAction> actions, ref int next, List<Step> steps, Func<string, int> sleepTicks)
    {
        while (next < actions.Count)
        {
            var a = actions[next++];
            switch (a.Kind)
            {
                case ActionKind.Fork:
                    steps.Add(Step.Print($"{name}->{a.Name}"));
                    List<Step> child = [Step.Sleep(sleepTicks(a.Sleep)), Step.Print(a.Name + "+")];
                    AddBody(a.Name, actions, ref next, child, sleepTicks);
                    steps.Add(Step.Fork(new Script(child)));
                    break;
                case ActionKind.Wait:
                    steps.Add(Step.Wait());
                    steps.Add(Step.Print(name + "<-"));
                    break;
                default:
                    steps.Add(Step.Print(name + "-"));
                    steps.Add(Step.Exit());
                    return;
            }
        }
    }
}
