using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>The reference's command line for lottery, parsed as optparse would.</summary>
public static class LotteryCommand
{
    public const string Help = """
        usage: timeshare ostep lottery [options]

        OSTEP's cpu-sched-lottery/lottery.py on the Timeshare kernel: jobs hold
        tickets, and every quantum a random ticket decides which job runs.
        Without -c it lists the jobs and the random numbers to work with; with
        -c it shows every draw, its winner, and when each job is done.

          -s, --seed N          seed for the random jobs and draws (default 0)
          -j, --jobs N          number of random jobs (default 3)
          -l, --jlist L         explicit jobs LENGTH:TICKETS,... e.g. 10:100,20:50;
                                overrides -j, -m and -T
          -m, --maxlen N        random jobs are shorter than N (default 10)
          -T, --maxticket N     random jobs hold fewer than N tickets (default 100)
          -q, --quantum N       ticks a winner runs (default 1)
          -c, --compute         compute the answer: print every draw
          -h, --help            this help
        """;

    private static readonly OptionParser Parser = new([
        OptionSpec.Int("-s", "--seed", "seed", 0),
        OptionSpec.Int("-j", "--jobs", "jobs", 3),
        OptionSpec.String("-l", "--jlist", "jlist", ""),
        OptionSpec.Int("-m", "--maxlen", "maxlen", 10),
        OptionSpec.Int("-T", "--maxticket", "maxticket", 100),
        OptionSpec.Int("-q", "--quantum", "quantum", 1),
        OptionSpec.Flag("-c", "--compute", "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static LotteryOptions? Parse(IReadOnlyList<string> args)
    {
        var r = Parser.Parse(args);
        if (r.HelpRequested) return null;
        return new LotteryOptions
        {
            Seed = r.GetInt("seed"),
            Jobs = r.GetInt("jobs"),
            JobList = r.GetString("jlist"),
            MaxLength = r.GetInt("maxlen"),
            MaxTickets = r.GetInt("maxticket"),
            Quantum = r.GetInt("quantum"),
            Solve = r.GetFlag("solve"),
        };
    }
}
