using System.Numerics;
using Timeshare.Kernel;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;
using MlfqPolicy = Timeshare.Kernel.Scheduling.Mlfq;

namespace Timeshare.Ostep.Mlfq;

/// <summary>
/// OSTEP's mlfq on the kernel: the jobs become scripts of CPU bursts and
/// I/Os, the -i I/O time is the device's latency, the scheduler is
/// <see cref="MlfqPolicy"/> with the reference's behaviours as its options,
/// and <see cref="MlfqTrace"/> prints the trace from the kernel's events.
/// </summary>
public static class MlfqFrontEnd
{
    /// <summary>Longer than any trace anyone reads; beyond it a run is refused rather than left printing for hours.</summary>
    private const long MaxTicks = 10_000_000;

    /// <summary>The job listing, or with -c the trace.</summary>
    public static void Simulate(MlfqArgs args, Stream stdout)
    {
        using var output = new AsciiWriter(stdout);
        Simulate(args, output);
    }

    private static void Simulate(MlfqArgs args, AsciiWriter output)
    {
        var setup = MlfqSetup.From(args);
        try
        {
            WriteListing(args, setup, output);
        }
        catch (PythonError)
        {
            throw new OstepError($"a number has more than {PyInt.MaxStrDigits} digits, too many to print");
        }
        if (!args.Solve)
        {
            output.WriteLine("Compute the execution trace for the given workloads.");
            output.WriteLine("If you would like, also compute the response and turnaround");
            output.WriteLine("times for each of the jobs.");
            output.WriteLine("");
            output.WriteLine("Use the -c flag to get the exact results when you are finished.\n");
            return;
        }
        CheckRunnable(args, setup);
        output.WriteLine("");
        output.WriteLine("Execution Trace:");
        output.WriteLine("");
        var trace = Schedule(args, setup, output);
        WriteStatistics(setup, trace, output);
    }

    /// <summary>Inputs on which the reference fails or never ends.</summary>
    private static void CheckRunnable(MlfqArgs args, MlfqSetup setup)
    {
        if (setup.Jobs.Count == 0) throw new OstepError("no jobs to run: there is no average to report");
        for (var i = 0; i < setup.Jobs.Count; i++)
        {
            var job = setup.Jobs[i];
            if (job.Start < 0) throw new OstepError($"job {i} starts at {job.Start}: the simulation never reaches a negative time and would run forever");
            if (job.RunTime <= 0) throw new OstepError($"job {i} has run time {job.RunTime}: a job needs at least one tick of CPU");
            Ticks(job.Start, $"job {i}'s start time");
            Ticks(job.RunTime, $"job {i}'s run time");
        }
        if (setup.Jobs.Any(j => j.DoesIo))
        {
            if (args.IoTime < 0) throw new OstepError($"-i {args.IoTime}: an I/O would complete before it starts, and the simulation would run forever");
            Ticks(args.IoTime, "-i");
        }
    }

    private static MlfqTrace Schedule(MlfqArgs args, MlfqSetup setup, AsciiWriter output)
    {
        var policy = new MlfqPolicy(new MlfqOptions
        {
            Quanta = [.. setup.Quanta.Select(q => Long(q, "a quantum"))],
            Allotments = [.. setup.Allotments.Select(a => Long(a, "an allotment"))],
            BoostPeriod = args.Boost > 0 ? Long(args.Boost, "-B") : 0,
            ResetOnBlock = args.Stay,
            WokenToFront = args.IoBump,
        });
        var kernel = new Kernel.Kernel(new KernelConfig { Policy = policy, IoLatency = (long)BigInteger.Max(args.IoTime, 0) });
        var trace = new MlfqTrace(output, policy, kernel.Table, kernel.Table.NextPid, [.. setup.Jobs.Select(j => (long)j.RunTime)]);
        kernel.Attach((IKernelObserver)trace);
        kernel.Attach((ITickObserver)trace);
        for (var i = 0; i < setup.Jobs.Count; i++)
            kernel.Spawn($"{i}", new ScriptExecutor(setup.Jobs[i].ToScript()), (long)setup.Jobs[i].Start);
        kernel.Run();
        return trace;
    }

    private static void WriteListing(MlfqArgs args, MlfqSetup setup, AsciiWriter output)
    {
        output.WriteLine("Here is the list of inputs:");
        output.WriteLine($"OPTIONS jobs {setup.Jobs.Count}");
        output.WriteLine($"OPTIONS queues {PyFormat.Str(args.QuantumList != "" ? setup.Levels : args.Levels)}");
        for (var level = setup.Levels - 1; level >= 0; level--)
        {
            output.WriteLine(PyFormat.Format("OPTIONS allotments for queue %2d is %3d", level, setup.Allotments[level]));
            output.WriteLine(PyFormat.Format("OPTIONS quantum length for queue %2d is %3d", level, setup.Quanta[level]));
        }
        output.WriteLine($"OPTIONS boost {PyFormat.Str(args.Boost)}");
        output.WriteLine($"OPTIONS ioTime {PyFormat.Str(args.IoTime)}");
        output.WriteLine($"OPTIONS stayAfterIO {PyFormat.Str(args.Stay)}");
        output.WriteLine($"OPTIONS iobump {PyFormat.Str(args.IoBump)}");
        output.WriteLine("\n");
        output.WriteLine("For each job, three defining characteristics are given:");
        output.WriteLine("  startTime : at what time does the job enter the system");
        output.WriteLine("  runTime   : the total CPU time needed by the job to finish");
        output.WriteLine("  ioFreq    : every ioFreq time units, the job issues an I/O");
        output.WriteLine("              (the I/O takes ioTime units to complete)\n");
        output.WriteLine("Job List:");
        for (var i = 0; i < setup.Jobs.Count; i++)
        {
            var job = setup.Jobs[i];
            output.WriteLine(PyFormat.Format("  Job %2d: startTime %3d - runTime %3d - ioFreq %3d", i, job.Start, job.RunTime, job.IoEvery));
        }
        output.WriteLine("");
    }

    private static void WriteStatistics(MlfqSetup setup, MlfqTrace trace, AsciiWriter output)
    {
        output.WriteLine("");
        output.WriteLine("Final statistics:");
        long responses = 0, turnarounds = 0;
        for (var i = 0; i < setup.Jobs.Count; i++)
        {
            var start = (long)setup.Jobs[i].Start;
            var (response, turnaround) = (trace.FirstRun[i] - start, trace.Finish[i] - start);
            output.WriteLine(PyFormat.Format("  Job %2d: startTime %3d - response %3d - turnaround %3d", i, start, response, turnaround));
            responses += response;
            turnarounds += turnaround;
        }
        var n = setup.Jobs.Count;
        output.WriteLine(PyFormat.Format("\n  Avg %2d: startTime n/a - response %.2f - turnaround %.2f", n - 1, (double)responses / n, (double)turnarounds / n));
        output.WriteLine("\n");
    }

    private static void Ticks(BigInteger value, string what)
    {
        if (value > MaxTicks) throw new OstepError($"{what} of {value} ticks is more than the {MaxTicks} a trace can show");
    }

    private static long Long(BigInteger value, string what) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value
            : throw new OstepError($"{what} of {value} ticks is beyond what the kernel counts");
}
