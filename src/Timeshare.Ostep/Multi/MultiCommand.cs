using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Multi;

/// <summary>The reference's command line for multi.py, parsed as optparse would.</summary>
public static class MultiCommand
{
    public const string Help = """
        usage: timeshare ostep multi [options]

        OSTEP's cpu-sched-multi/multi.py on the Timeshare kernel: jobs on several
        CPUs, each CPU with a cache that a job warms by running there, after
        which it runs faster. One central queue, or a queue per CPU with work
        stealing. Time slices end for all CPUs at once, every quantum.

          -s, --seed N              seed for random jobs and random choices (default 0)
          -j, --job_num N           number of random jobs (default 3)
          -R, --max_run N           longest run time of a random job (default 100)
          -W, --max_wset N          largest working set of a random job (default 200)
          -L, --job_list L          jobs name:run_time:working_set,... (e.g. a:10:100,b:10:50)
          -p, --per_cpu_queues      a queue per CPU instead of one central queue
          -A, --affinity A          where jobs may run: name:cpu.cpu,... (e.g. a:0.1,b:2)
          -n, --num_cpus N          number of CPUs (default 2)
          -q, --quantum N           time slice in ticks (default 10)
          -P, --peek_interval N     with -p, ticks between looks at another CPU's queue
                                    for work to steal; 0 never (default 30)
          -w, --warmup_time N       ticks a job runs on a CPU before its cache is warm (default 10)
          -r, --warm_rate N         work per tick of a job with a warm cache (default 2)
          -M, --cache_size N        cache size, in working-set units (default 100)
          -o, --rand_order          free CPUs pick jobs in a random order each tick
          -t, --trace               trace which job runs on each CPU, tick by tick
          -T, --trace_time_left     trace each job's time left too
          -C, --trace_cache         trace each CPU's cache (w = warm) too
          -S, --trace_sched         trace the scheduler's queues too
          -c, --compute             print the finishing time and per-CPU statistics
          -h, --help                this help
        """;

    public static readonly OptionParser Parser = new(
    [
        OptionSpec.Int("-s", "--seed", "seed", 0),
        OptionSpec.Int("-j", "--job_num", "job_num", 3),
        OptionSpec.Int("-R", "--max_run", "max_run", 100),
        OptionSpec.Int("-W", "--max_wset", "max_wset", 200),
        OptionSpec.String("-L", "--job_list", "job_list", ""),
        OptionSpec.Flag("-p", "--per_cpu_queues", "per_cpu_queues"),
        OptionSpec.String("-A", "--affinity", "affinity", ""),
        OptionSpec.Int("-n", "--num_cpus", "num_cpus", 2),
        OptionSpec.Int("-q", "--quantum", "time_slice", 10),
        OptionSpec.Int("-P", "--peek_interval", "peek_interval", 30),
        OptionSpec.Int("-w", "--warmup_time", "warmup_time", 10),
        OptionSpec.Int("-r", "--warm_rate", "warm_rate", 2),
        OptionSpec.Int("-M", "--cache_size", "cache_size", 100),
        OptionSpec.Flag("-o", "--rand_order", "random_order"),
        OptionSpec.Flag("-t", "--trace", "trace"),
        OptionSpec.Flag("-T", "--trace_time_left", "trace_time_left"),
        OptionSpec.Flag("-C", "--trace_cache", "trace_cache"),
        OptionSpec.Flag("-S", "--trace_sched", "trace_sched"),
        OptionSpec.Flag("-c", "--compute", "solve"),
    ]);

    /// <summary>Null when help was asked for.</summary>
    public static MultiOptions? Parse(IReadOnlyList<string> args)
    {
        var r = Parser.Parse(args);
        if (r.HelpRequested) return null;
        return new MultiOptions
        {
            Seed = r.GetInt("seed"),
            JobCount = r.GetInt("job_num"),
            MaxRun = r.GetInt("max_run"),
            MaxWorkingSet = r.GetInt("max_wset"),
            JobList = r.GetString("job_list"),
            Affinity = r.GetString("affinity"),
            PerCpuQueues = r.GetFlag("per_cpu_queues"),
            Cpus = r.GetInt("num_cpus"),
            Quantum = r.GetInt("time_slice"),
            PeekInterval = r.GetInt("peek_interval"),
            WarmupTime = r.GetInt("warmup_time"),
            WarmRate = r.GetInt("warm_rate"),
            CacheSize = r.GetInt("cache_size"),
            RandomOrder = r.GetFlag("random_order"),
            Trace = r.GetFlag("trace"),
            TraceTimeLeft = r.GetFlag("trace_time_left"),
            TraceCache = r.GetFlag("trace_cache"),
            TraceSched = r.GetFlag("trace_sched"),
            Solve = r.GetFlag("solve"),
        };
    }
}
