using System.Numerics;
using Timeshare.Kernel;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;
using static System.FormattableString;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>
/// OSTEP's lottery on the kernel: the jobs are processes holding their
/// tickets, the <see cref="Lottery"/> policy under OSTEP's rules draws from
/// CPython's numbers, and <see cref="LotteryTrace"/> prints the draws.
/// </summary>
/// <remarks>
/// The reference charges every win a whole quantum, however little of the job
/// is left, and accepts a quantum of zero or less (which leaves the winner's
/// time unchanged, or grows it). So here one kernel tick is one of its
/// quanta: the policy's quantum is one tick, and a job runs for as many ticks
/// as the reference needs wins to finish it.
/// </remarks>
public static class LotteryFrontEnd
{
    /// <summary>The reference draws (or prints) one number per tick of total job length; more would be no trace to read.</summary>
    public const long MaxDraws = 10_000_000;

    public static void Simulate(LotteryOptions options, Stream stdout)
    {
        var random = new PythonRandom(options.Seed);
        if (BigInteger.Abs(options.Quantum) > int.MaxValue)
            throw new OstepError($"-q {options.Quantum} is beyond what this front-end runs (32-bit)");
        var jobs = LotteryJobs.From(options, random);
        var draws = jobs.Sum(j => (long)j.Length);
        if (draws > MaxDraws) throw new OstepError($"the jobs add up to {draws} ticks: more than the {MaxDraws} draws this front-end makes");
        using var output = new AsciiWriter(stdout);
        WriteHeader(options, jobs, output);
        var tape = new LotteryTape(random, Math.Max(draws, 0));
        if (options.Solve) Solve(jobs, (long)options.Quantum, tape, output);
        else WriteNumbers(tape, draws, output);
    }

    private static void Solve(List<LotteryJob> jobs, long quantum, LotteryTape tape, AsciiWriter output)
    {
        output.WriteLine("** Solutions **");
        output.WriteLine();
        var lottery = new Lottery(tape, quantum: 1, ostepRules: true);
        var kernel = new Kernel.Kernel(new KernelConfig { Policy = lottery });
        var processes = jobs.Select((job, i) =>
            kernel.Spawn($"{i}", new ScriptExecutor(new Script([Step.Cpu(WinsToFinish(job.Length, quantum))])), tickets: job.Tickets))
            .ToArray();
        var trace = new LotteryTrace(output, tape, jobs, processes, quantum);
        lottery.Drawn = trace.OnDraw;
        kernel.Attach(trace);
        kernel.Run();
    }

    /// <summary>
    /// The reference takes a quantum from the winner's time left while at least
    /// a quantum is left, and otherwise sets it to 0, which is done. A job that
    /// can never get there runs for longer than any tape lasts.
    /// </summary>
    private static int WinsToFinish(int length, long quantum)
    {
        if (length <= quantum) return 1;
        if (quantum <= 0) return int.MaxValue;
        return (int)((length + quantum - 1) / quantum);
    }

    private static void WriteHeader(LotteryOptions o, List<LotteryJob> jobs, AsciiWriter output)
    {
        output.WriteLine($"ARG jlist {o.JobList}");
        output.WriteLine($"ARG jobs {Arg(o.Jobs)}");
        output.WriteLine($"ARG maxlen {Arg(o.MaxLength)}");
        output.WriteLine($"ARG maxticket {Arg(o.MaxTickets)}");
        output.WriteLine($"ARG quantum {Arg(o.Quantum)}");
        output.WriteLine($"ARG seed {Arg(o.Seed)}");
        output.WriteLine();
        output.WriteLine("Here is the job list, with the run time of each job: ");
        for (var i = 0; i < jobs.Count; i++) output.WriteLine(Invariant($"  Job {i} ( length = {jobs[i].Length}, tickets = {jobs[i].Tickets} )"));
        output.WriteLine();
        output.WriteLine();
    }

    /// <summary>str(n), which Python refuses past 4300 digits: the reference dies printing such an argument.</summary>
    private static string Arg(BigInteger n)
    {
        try
        {
            return PyInt.ToDecimal(n);
        }
        catch (PythonError)
        {
            throw new OstepError($"an argument of {n.GetBitLength()} bits is too long to print, as in the reference");
        }
    }

    private static void WriteNumbers(LotteryTape tape, long count, AsciiWriter output)
    {
        output.WriteLine("Here is the set of random numbers you will need (at most):");
        for (var i = 0L; i < count; i++) output.WriteLine(Invariant($"Random {tape.Next()}"));
    }
}
