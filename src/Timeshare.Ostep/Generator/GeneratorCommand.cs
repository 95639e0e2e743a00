using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Generator;

/// <summary>The reference's command line for generator.py, parsed as optparse would.</summary>
public static class GeneratorCommand
{
    public const string Name = "generator";

    /// <summary>The front-end, writing its C files into the directory <paramref name="directory"/> names when it runs.</summary>
    public static Simulator WritingIn(Func<string> directory) => Simulator.Of(
        Name, "cpu-api/generator.py: C programs of fork, wait and exit", Help,
        Parse, (options, stdout) => GeneratorFrontEnd.Simulate(options, stdout, directory()));

    public static string Help() => """
        usage: timeshare ostep generator [options]

        OSTEP's cpu-api/generator.py on the Timeshare kernel: it writes a C program
        in which process a forks children that sleep, fork, wait and exit, in two
        forms: a readable one (listed without -c) and a runnable one that prints
        what each process does. With -c the program's fork/wait/exit/sleep steps
        run as processes on the kernel and their output is printed: seconds since
        the start, then a+ (a begins), a->b (a forks b), a<-b (a reaped b),
        b- (b ends).

          -s, --seed N            seed for the random program (default: a fresh draw)
          -n, --num_actions N     how many random actions (default 10)
          -f, --fork_chance P     percent chance of a fork (default 30)
          -w, --wait_chance P     percent chance of a wait (default 40)
          -e, --exit_chance P     percent chance of an exit (default 30); the
                                  three must add up to 100, each from 1 to 99
          -S, --sleep_time N      longest sleep of a new child, seconds (default 10)
          -A, --action_list L     an explicit program instead, e.g.
                                  "fork b,3 {fork c,1 {} wait} wait": b sleeps 3
                                  seconds, forks c and waits for it; a waits for b
          -r, --readable NAME     readable file NAME.c (default read)
          -R, --runnable NAME     runnable file NAME.c (default run)
          -c, --compute           run the program and show its output
          -h, --help              this help
        """;

    public static OptionParser Parser() => new(
    [
        OptionSpec.Int("-s", "--seed", "seed", GeneratorOptions.NoSeed),
        OptionSpec.String("-r", "--readable", "readable", "read"),
        OptionSpec.String("-R", "--runnable", "runnable", "run"),
        OptionSpec.Int("-n", "--num_actions", "num_actions", 10),
        OptionSpec.Int("-f", "--fork_chance", "fork_chance", 30),
        OptionSpec.Int("-w", "--wait_chance", "wait_chance", 40),
        OptionSpec.Int("-e", "--exit_chance", "exit_chance", 30),
        OptionSpec.Int("-S", "--sleep_time", "max_sleep_time", 10),
        OptionSpec.String("-A", "--action_list", "action_list", GeneratorOptions.NoActionList),
        OptionSpec.Flag("-c", "--compute", "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static GeneratorOptions? Parse(IReadOnlyList<string> args)
    {
        var r = Parser().Parse(args);
        if (r.HelpRequested) return null;
        return new GeneratorOptions
        {
            Seed = r.GetInt("seed"),
            Readable = r.GetString("readable"),
            Runnable = r.GetString("runnable"),
            NumActions = r.GetInt("num_actions"),
            ForkChance = r.GetInt("fork_chance"),
            WaitChance = r.GetInt("wait_chance"),
            ExitChance = r.GetInt("exit_chance"),
            MaxSleepTime = r.GetInt("max_sleep_time"),
            ActionList = r.GetString("action_list"),
            Solve = r.GetFlag("solve"),
        };
    }
}
