using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Mlfq;

/// <summary>The reference's command line for mlfq, parsed as optparse would.</summary>
public static class MlfqCommand
{
    public const string Help = """
        usage: timeshare ostep mlfq [options]

        OSTEP's cpu-sched-mlfq/mlfq.py on the Timeshare kernel: jobs scheduled by a
        multi-level feedback queue. Without -c it lists the jobs for you to predict
        the schedule; with -c it prints the trace, tick by tick, and each job's
        response and turnaround time.

          -s, --seed N             seed for random jobs (default 0)
          -n, --numQueues N        number of levels (default 3; -Q overrides)
          -q, --quantum N          time slice at every level (default 10; -Q overrides)
          -a, --allotment N        quanta a job may use at a level before it moves
                                   down (default 1; -A overrides)
          -Q, --quantumList L      slices per level, top level first: 10,20,40
          -A, --allotmentList L    allotments per level, top level first: 1,2,4
          -j, --numJobs N          number of random jobs (default 3)
          -m, --maxlen N           longest random run time (default 100)
          -M, --maxio N            largest random I/O interval (default 10)
          -B, --boost N            move every job to the top level each N ticks
                                   (default 0: never)
          -i, --iotime N           ticks an I/O takes (default 5)
          -S, --stay               a job that starts an I/O gets a fresh slice and
                                   allotment at its level
          -I, --iobump             a job whose I/O is done goes to the front of its
                                   level, not the back
          -l, --jlist L            explicit jobs start,run,io:start,run,io:...; a job
                                   starts an I/O after every io ticks of CPU (0: never)
          -c                       compute the answer: print the trace
          -h, --help               this help
        """;

    public static readonly OptionParser Parser = new(
    [
        OptionSpec.Int("-s", "--seed", "seed", 0),
        OptionSpec.Int("-n", "--numQueues", "levels", MlfqArgs.DefaultLevels),
        OptionSpec.Int("-q", "--quantum", "quantum", MlfqArgs.DefaultQuantum),
        OptionSpec.Int("-a", "--allotment", "allotment", MlfqArgs.DefaultAllotment),
        OptionSpec.String("-Q", "--quantumList", "quantum_list", ""),
        OptionSpec.String("-A", "--allotmentList", "allotment_list", ""),
        OptionSpec.Int("-j", "--numJobs", "jobs", 3),
        OptionSpec.Int("-m", "--maxlen", "max_length", 100),
        OptionSpec.Int("-M", "--maxio", "max_io", 10),
        OptionSpec.Int("-B", "--boost", "boost", 0),
        OptionSpec.Int("-i", "--iotime", "io_time", 5),
        OptionSpec.Flag("-S", "--stay", "stay"),
        OptionSpec.Flag("-I", "--iobump", "io_bump"),
        OptionSpec.String("-l", "--jlist", "job_list", ""),
        OptionSpec.Flag("-c", null, "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static MlfqArgs? Parse(IReadOnlyList<string> args)
    {
        var r = Parser.Parse(args);
        if (r.HelpRequested) return null;
        return new MlfqArgs
        {
            Seed = r.GetInt("seed"),
            Levels = r.GetInt("levels"),
            Quantum = r.GetInt("quantum"),
            Allotment = r.GetInt("allotment"),
            QuantumList = r.GetString("quantum_list"),
            AllotmentList = r.GetString("allotment_list"),
            Jobs = r.GetInt("jobs"),
            MaxLength = r.GetInt("max_length"),
            MaxIo = r.GetInt("max_io"),
            Boost = r.GetInt("boost"),
            IoTime = r.GetInt("io_time"),
            Stay = r.GetFlag("stay"),
            IoBump = r.GetFlag("io_bump"),
            JobList = r.GetString("job_list"),
            Solve = r.GetFlag("solve"),
        };
    }
}
