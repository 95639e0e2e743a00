using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Scheduler;

/// <summary>The reference's command line for scheduler, parsed as optparse would.</summary>
public static class SchedulerCommand
{
    public static string Help() => """
        usage: timeshare ostep scheduler [options]

        OSTEP's cpu-sched/scheduler.py on the Timeshare kernel: jobs that only
        compute, all arriving at time 0, scheduled first-come first-served,
        shortest job first, or round robin. Without -c it lists the jobs for you
        to work out response, turnaround and wait times; with -c it runs them
        and prints the schedule and the times.

          -s, --seed N       seed for random job lengths (default 0)
          -j, --jobs N       number of random jobs (default 3)
          -l, --jlist L      job lengths instead of random ones, e.g. 10,15,20
                             (decimals allowed)
          -m, --maxlen N     random lengths are whole numbers from 1 to N (default 10)
          -p, --policy P     FIFO (default), SJF or RR
          -q, --quantum N    round-robin time slice (default 1)
          -c                 compute the answer: run the jobs and print the times
          -h, --help         this help

        Each job is a process computing for its length; lengths become kernel
        ticks at 10^d ticks per second, d the fewest decimal places that write
        every length. Lengths too long for that are rounded up to whole ticks
        at a coarser scale, and refused only if that would change the schedule.
        RR with a quantum <= 0 or an infinite length never finishes: refused.
        """;

    public static OptionParser Parser() => new(
    [
        OptionSpec.Int("-s", "--seed", "seed", 0),
        OptionSpec.Int("-j", "--jobs", "jobs", 3),
        OptionSpec.String("-l", "--jlist", "jlist", ""),
        OptionSpec.Int("-m", "--maxlen", "maxlen", 10),
        OptionSpec.String("-p", "--policy", "policy", SchedulerOptions.Fifo),
        OptionSpec.Int("-q", "--quantum", "quantum", 1),
        OptionSpec.Flag("-c", null, "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static SchedulerOptions? Parse(IReadOnlyList<string> args)
    {
        var r = Parser().Parse(args);
        if (r.HelpRequested) return null;
        return new SchedulerOptions
        {
            Seed = r.GetInt("seed"),
            Jobs = r.GetInt("jobs"),
            JobList = r.GetString("jlist"),
            MaxLength = r.GetInt("maxlen"),
            Policy = r.GetString("policy"),
            Quantum = r.GetInt("quantum"),
            Solve = r.GetFlag("solve"),
        };
    }
}
