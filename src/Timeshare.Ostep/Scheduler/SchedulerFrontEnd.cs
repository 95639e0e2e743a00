using Timeshare.Kernel;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Scheduler;

/// <summary>
/// OSTEP's cpu-sched scheduler on the kernel: the jobs are processes that
/// compute for their length and declare it, all arriving at time 0; FIFO,
/// SJF and RR are the kernel's <see cref="Fifo"/>, <see cref="Sjf"/> and
/// <see cref="RoundRobin"/>; the schedule the kernel runs is printed in the
/// reference's words and numbers.
/// </summary>
public static class SchedulerFrontEnd
{
    public static void Simulate(SchedulerOptions options, Stream stdout)
    {
        try
        {
            var jobs = JobList.From(options);
            var known = options.Policy is SchedulerOptions.Fifo or SchedulerOptions.Sjf or SchedulerOptions.RoundRobin;
            var scale = options.Solve && known ? CheckRunnable(options, jobs) : null;
            using var output = new AsciiWriter(stdout);
            WriteJobList(options, jobs, output);
            if (!options.Solve)
            {
                WriteExercise(output);
                return;
            }
            output.WriteLine("** Solutions **\n");
            if (scale is null) output.WriteLine($"Error: Policy {options.Policy} is not available.");
            else Run(options, jobs, scale, output);
        }
        catch (PythonError e)
        {
            throw new OstepError($"the reference fails here: {e.Message}");
        }
    }

    /// <summary>
    /// Refuses, before anything is printed, input the reference dies on or
    /// never finishes and lengths the kernel cannot plan with; returns the time scale.
    /// </summary>
    private static TimeScale CheckRunnable(SchedulerOptions options, IReadOnlyList<JobLength> jobs)
    {
        if (jobs.Count == 0) throw new OstepError("-c needs at least one job: the averages of none are undefined");
        if (jobs.Any(j => j.IsNaN)) throw new OstepError("a job length of nan has no place in a schedule");
        var scale = TimeScale.For(jobs);
        if (options.Policy == SchedulerOptions.Sjf && !scale.KeepsOrder(jobs))
            throw new OstepError("some lengths differ by less than a tick at the scale the kernel can hold, so SJF could not order them");
        if (options.Policy != SchedulerOptions.RoundRobin) return scale;
        if (options.Quantum <= 0) throw new OstepError($"RR needs a positive quantum, got {options.Quantum} (the reference never finishes)");
        if (jobs.Any(j => j.IsPositiveInfinity)) throw new OstepError("RR cannot finish a job of infinite length (the reference never finishes)");
        if (!scale.CanSlice) throw new OstepError("these lengths are too long for the kernel to slice by a whole quantum");
        return scale;
    }

    private static void Run(SchedulerOptions options, IReadOnlyList<JobLength> jobs, TimeScale scale, AsciiWriter output)
    {
        ISchedulingPolicy policy = options.Policy switch
        {
            SchedulerOptions.Fifo => new Fifo(),
            SchedulerOptions.Sjf => new Sjf(),
            _ => new RoundRobin(scale.Quantum(options.Quantum)),
        };
        var kernel = new Kernel.Kernel(new KernelConfig { Policy = policy });
        var processes = jobs.Select((length, i) => kernel.Spawn($"{i}", Program(scale.Work(length)), length: scale.Declared(length))).ToList();
        var recorder = new TurnRecorder(processes[0].Pid);
        kernel.Attach(recorder);
        kernel.Run();
        var report = new SchedulerReport(jobs, output);
        if (policy is RoundRobin) report.WriteRoundRobin(recorder.Turns, options.Quantum);
        else report.WriteRunToCompletion(recorder.Turns);
    }

    private static ScriptExecutor Program(long ticks) => new(new Script(ticks > 0 ? [Step.Cpu((int)ticks)] : []));

    private static void WriteJobList(SchedulerOptions options, IReadOnlyList<JobLength> jobs, AsciiWriter output)
    {
        output.WriteLine($"ARG policy {options.Policy}");
        if (options.JobList == "")
        {
            output.WriteLine($"ARG jobs {PyInt.ToDecimal(options.Jobs)}");
            output.WriteLine($"ARG maxlen {PyInt.ToDecimal(options.MaxLength)}");
            output.WriteLine($"ARG seed {PyInt.ToDecimal(options.Seed)}");
        }
        else output.WriteLine($"ARG jlist {options.JobList}");
        output.WriteLine("");
        output.WriteLine("Here is the job list, with the run time of each job: ");
        for (var i = 0; i < jobs.Count; i++) output.WriteLine($"  Job {i} ( length = {jobs[i].Shown} )");
        output.WriteLine("\n");
    }

    private static void WriteExercise(AsciiWriter output) => output.WriteLine("""
        Compute the turnaround time, response time, and wait time for each job.
        When you are done, run this program again, with the same arguments,
        but with -c, which will thus provide you with the answers. You can use
        -s <somenumber> or your own job list (-l 10,15,20 for example)
        to generate different problems for yourself.

        """);
}
