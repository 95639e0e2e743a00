using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Fork;

/// <summary>The reference's command line for fork.py, parsed as optparse would.</summary>
public static class ForkCommand
{
    public const string Name = "fork";


    public static string Help() => """
        usage: timeshare ostep fork [options]

        OSTEP's cpu-api/fork.py on the Timeshare kernel: a root process a forks
        children, which fork and exit in turn. Every process is a kernel process;
        the trees are drawn from the kernel's parent and child links. Without -c
        you predict the tree after each action (or, with -t, the actions behind
        each tree); -c shows the answers.

          -s, --seed N            seed for the random actions (default: a fresh draw)
          -f, --forks F           chance that a random action is a fork, not an exit
                                  (default 0.7; must exceed 0.001)
          -a, --actions N         how many random actions (default 5)
          -A, --action_list L     explicit actions instead: a+b (a forks b), b- (b exits),
                                  comma separated
          -t, --show_tree         show the trees, ask for the actions
          -F, --final_only        show only the final tree
          -L, --leaf_only         a process with children cannot exit
          -R, --local_reparent    orphans go to the exiting process's parent; without
                                  it every descendant of the exiting process goes to a
          -P, --print_style S     basic, line1, line2 or fancy (default)
          -c, --compute           compute the answers
          -h, --help              this help
        """;

    public static OptionParser Parser() => new(
    [
        OptionSpec.Int("-s", "--seed", "seed", ForkOptions.NoSeed),
        OptionSpec.Float("-f", "--forks", "fork_percentage", 0.7),
        OptionSpec.String("-A", "--action_list", "action_list", ""),
        OptionSpec.Int("-a", "--actions", "actions", 5),
        OptionSpec.Flag("-t", "--show_tree", "show_tree"),
        OptionSpec.String("-P", "--print_style", "print_style", "fancy"),
        OptionSpec.Flag("-F", "--final_only", "just_final"),
        OptionSpec.Flag("-L", "--leaf_only", "leaf_only"),
        OptionSpec.Flag("-R", "--local_reparent", "local_reparent"),
        OptionSpec.Flag("-c", "--compute", "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static ForkOptions? Parse(IReadOnlyList<string> args)
    {
        var r = Parser().Parse(args);
        if (r.HelpRequested) return null;
        return new ForkOptions
        {
            Seed = r.GetInt("seed"),
            ForkPercentage = r.GetFloat("fork_percentage"),
            Actions = r.GetInt("actions"),
            ActionList = r.GetString("action_list"),
            ShowTree = r.GetFlag("show_tree"),
            JustFinal = r.GetFlag("just_final"),
            LeafOnly = r.GetFlag("leaf_only"),
            LocalReparent = r.GetFlag("local_reparent"),
            PrintStyle = r.GetString("print_style"),
            Solve = r.GetFlag("solve"),
        };
    }
}
