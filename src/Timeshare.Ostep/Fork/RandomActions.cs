using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Fork;

/// <summary>
/// fork.py's random actions, drawn before any is carried out: each is a fork
/// with the given chance, else an exit; a draw that picks the root to exit
/// is redrawn, with no action counted.
/// </summary>
public static class RandomActions
{
    public static List<ForkAction> Draw(PythonRandom random, long count, double forkChance, string root)
    {
        var names = new ProcessNames();
        var live = new List<string> { root };
        var actions = new List<ForkAction>();
        while (actions.Count < count)
        {
            if (random.Random() < forkChance)
            {
                var child = names.Next();
                actions.Add(new ForkAction(Pick(random, live), child));
                live.Add(child);
                continue;
            }
            var exiting = Pick(random, live);
            if (exiting == root) continue;
            live.Remove(exiting);
            actions.Add(new ForkAction(exiting, null));
        }
        return actions;
    }

    /// <summary>The reference's own choice: int(random() * len), not random.choice.</summary>
    private static string Pick(PythonRandom random, List<string> names) => names[(int)(random.Random() * names.Count)];
}
