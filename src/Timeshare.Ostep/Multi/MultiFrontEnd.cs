using System.Numerics;
using Timeshare.Kernel;
using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Multi;

/// <summary>
/// OSTEP's multi.py on the kernel: jobs are processes whose script is their
/// run time in work units, with working sets and affinities; N CPUs with the
/// cache model; a central round-robin queue or per-CPU queues that steal with
/// multi.py's job-record check. The reference's timing is the dispatcher's:
/// slices end on global boundaries and free CPUs are assigned at the start
/// of each tick, in a random order with -o. CPython's generator feeds the
/// kernel's random choices, so the draws match.
/// </summary>
public static class MultiFrontEnd
{
    public static void Simulate(MultiOptions o, Stream stdout)
    {
        var random = new PythonRandom(o.Seed);
        var settings = MultiSettings.Check(o);
        using var output = new AsciiWriter(stdout);
        WriteArguments(o, output);
        var jobs = MultiJobs.Build(o, settings.Cpus, random);
        foreach (var job in jobs)
            output.WriteLine($"Job name:{job.Name} run_time:{PyInt.ToDecimal(job.RunTime)} working_set_size:{PyInt.ToDecimal(job.WorkingSet)}");
        output.WriteLine();
        var kernel = Build(o, settings, random);
        var processes = jobs.Select(j => Spawn(kernel, j)).ToArray();
        WriteQueues(kernel.Policy, settings.Cpus, output);
        if (o.AnyTrace) kernel.Attach(new MultiTrace(o, settings.Quantum, output, kernel.Dispatcher.Processors, processes, kernel.Policy));
        kernel.Run();
        if (kernel.Policy is PerCpuQueues { StealsWithoutVictim: > 0 })
            throw new OstepError("with one CPU there is no queue to steal from, and the reference crashes choosing one (use -P 0)");
        if (o.Solve) WriteStats(kernel, settings.WarmRate > 1, output);
    }

    private static Kernel.Kernel Build(MultiOptions o, MultiSettings s, PythonRandom random) => new(new KernelConfig
    {
        Cpus = s.Cpus,
        Policy = o.PerCpuQueues
            ? new PerCpuQueues(s.Cpus, s.Quantum, s.PeekInterval, StealRule.JobRecordQuirk)
            : new RoundRobin(s.Quantum),
        Dispatch = new DispatchOptions { GlobalSliceBoundary = true, AssignAtTickStart = true, RandomCpuOrder = o.RandomOrder },
        Cache = new CacheOptions(s.CacheSize, s.WarmupTime, s.WarmRate),
        Random = new PythonRandomSource(random),
    });

    /// <summary>A job of no work still runs for a tick in the reference: its script is one unit.</summary>
    private static Process Spawn(Kernel.Kernel kernel, MultiJob job)
    {
        var work = job.RunTime > int.MaxValue ? throw new OstepError($"job {job.Name}'s run time {job.RunTime} is too long") : (int)BigInteger.Max(job.RunTime, 1);
        var workingSet = BigInteger.Abs(job.WorkingSet) > long.MaxValue / 4 ? throw new OstepError($"job {job.Name}'s working set is too large") : (long)job.WorkingSet;
        var runTime = job.RunTime < long.MinValue / 4 ? long.MinValue / 4 : (long)job.RunTime;
        return kernel.Spawn(job.Name, new ScriptExecutor(new Script([Step.Cpu(work)])), length: runTime,
            affinity: job.Affinity.Count == 0 ? null : job.Affinity, workingSet: workingSet);
    }

    private static void WriteArguments(MultiOptions o, AsciiWriter output)
    {
        output.WriteLine($"ARG seed {PyInt.ToDecimal(o.Seed)}");
        output.WriteLine($"ARG job_num {PyInt.ToDecimal(o.JobCount)}");
        output.WriteLine($"ARG max_run {PyInt.ToDecimal(o.MaxRun)}");
        output.WriteLine($"ARG max_wset {PyInt.ToDecimal(o.MaxWorkingSet)}");
        output.WriteLine($"ARG job_list {o.JobList}");
        output.WriteLine($"ARG affinity {o.Affinity}");
        output.WriteLine($"ARG per_cpu_queues {PyFormat.Str(o.PerCpuQueues)}");
        output.WriteLine($"ARG num_cpus {PyInt.ToDecimal(o.Cpus)}");
        output.WriteLine($"ARG quantum {PyInt.ToDecimal(o.Quantum)}");
        output.WriteLine($"ARG peek_interval {PyInt.ToDecimal(o.PeekInterval)}");
        output.WriteLine($"ARG warmup_time {PyInt.ToDecimal(o.WarmupTime)}");
        output.WriteLine($"ARG cache_size {PyInt.ToDecimal(o.CacheSize)}");
        output.WriteLine($"ARG random_order {PyFormat.Str(o.RandomOrder)}");
        output.WriteLine($"ARG trace {PyFormat.Str(o.Trace)}");
        output.WriteLine($"ARG trace_time {PyFormat.Str(o.TraceTimeLeft)}");
        output.WriteLine($"ARG trace_cache {PyFormat.Str(o.TraceCache)}");
        output.WriteLine($"ARG trace_sched {PyFormat.Str(o.TraceSched)}");
        output.WriteLine($"ARG compute {PyFormat.Str(o.Solve)}");
        output.WriteLine();
    }

    private static void WriteQueues(ISchedulingPolicy policy, int cpus, AsciiWriter output)
    {
        if (policy is PerCpuQueues perCpu)
        {
            perCpu.Deal();
            for (var cpu = 0; cpu < cpus; cpu++)
                output.WriteLine($"Scheduler CPU {cpu} queue: {PyFormat.Str(perCpu.QueueOf(cpu).Select(p => p.Name).ToList())}");
            output.WriteLine();
            return;
        }
        output.WriteLine($"Scheduler central queue: {PyFormat.Str(((QueuePolicy)policy).Waiting.Select(p => p.Name).ToList())}");
        output.WriteLine();
    }

    private static void WriteStats(Kernel.Kernel kernel, bool warmCounts, AsciiWriter output)
    {
        var total = (double)kernel.Ticks;
        output.WriteLine();
        output.WriteLine($"Finished time {kernel.Ticks}");
        output.WriteLine();
        output.WriteLine("Per-CPU stats");
        foreach (var cpu in kernel.Dispatcher.Processors)
        {
            // The reference counts a warm tick only when the warm rate beats the cold one.
            var warm = warmCounts ? cpu.WarmTime : 0;
            output.WriteLine($"  CPU {cpu.Id}  utilization {PyFormat.Format("%3.2f", 100.0 * cpu.BusyTime / total)} [ warm {PyFormat.Format("%3.2f", 100.0 * warm / total)} ]");
        }
        output.WriteLine();
    }
}
