using System.Numerics;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Scheduler;

/// <summary>
/// Prints the kernel's schedule as the reference prints its own: each turn
/// with its start and length in seconds, then each job's response,
/// turnaround and wait and their averages. The kernel decides who runs and
/// whether a turn ends the job; the seconds are the reference's own
/// arithmetic on the jobs' lengths (float sums, a float quantum), so that
/// every digit matches.
/// </summary>
public sealed class SchedulerReport(IReadOnlyList<JobLength> lengths, AsciiWriter output)
{
    /// <summary>FIFO and SJF: every turn runs a job to its end.</summary>
    public void WriteRunToCompletion(IReadOnlyList<Turn> turns)
    {
        output.WriteLine("Execution trace:");
        object now = BigInteger.Zero;
        foreach (var turn in turns)
        {
            if (!turn.Finished) throw new InvalidOperationException($"job {turn.Job} was interrupted by a run-to-completion policy");
            var length = lengths[turn.Job];
            var done = length.AddTo(now);
            output.WriteLine(PyFormat.Format("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )", now, turn.Job, length.Value, done));
            now = done;
        }
        output.WriteLine("\nFinal statistics:");
        var stats = new Times[lengths.Count];
        var t = 0.0;
        foreach (var turn in turns)
        {
            var length = lengths[turn.Job].AsFloat;
            stats[turn.Job] = new Times(Response: t, Turnaround: t + length, Wait: t);
            t += length;
        }
        WriteStatistics(stats, turns.Select(turn => turn.Job));
    }

    /// <summary>RR: a turn that does not end the job lasts a quantum; the one that does, what is left.</summary>
    public void WriteRoundRobin(IReadOnlyList<Turn> turns, BigInteger quantumSeconds)
    {
        output.WriteLine("Execution trace:");
        var quantum = PyFloat.FromInt(quantumSeconds);
        var left = lengths.Select(l => l.AsFloat).ToArray();
        var response = Enumerable.Repeat(-1.0, lengths.Count).ToArray();
        var lastRan = new double[lengths.Count];
        var wait = new double[lengths.Count];
        var turnaround = new double[lengths.Count];
        var now = 0.0;
        foreach (var (job, finished) in turns)
        {
            if (response[job] == -1) response[job] = now;
            wait[job] += now - lastRan[job];
            var ran = finished ? left[job] : quantum;
            if (finished)
            {
                output.WriteLine(PyFormat.Format("  [ time %3d ] Run job %3d for %.2f secs ( DONE at %.2f )", now, job, ran, now + ran));
                turnaround[job] = now + ran;
            }
            else
            {
                output.WriteLine(PyFormat.Format("  [ time %3d ] Run job %3d for %.2f secs", now, job, ran));
                left[job] -= quantum;
            }
            now += ran;
            lastRan[job] = now;
        }
        output.WriteLine("\nFinal statistics:");
        var stats = Enumerable.Range(0, lengths.Count).Select(job => new Times(response[job], turnaround[job], wait[job])).ToArray();
        WriteStatistics(stats, Enumerable.Range(0, lengths.Count));
    }

    private readonly record struct Times(double Response, double Turnaround, double Wait);

    /// <summary>One line per job in <paramref name="order"/>, then the averages, summed in that order.</summary>
    private void WriteStatistics(Times[] stats, IEnumerable<int> order)
    {
        double response = 0, turnaround = 0, wait = 0;
        var count = 0;
        foreach (var job in order)
        {
            var s = stats[job];
            output.WriteLine(PyFormat.Format("  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f", job, s.Response, s.Turnaround, s.Wait));
            response += s.Response;
            turnaround += s.Turnaround;
            wait += s.Wait;
            count++;
        }
        output.WriteLine(PyFormat.Format("\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n",
            PyArithmetic.Divide(response, count), PyArithmetic.Divide(turnaround, count), PyArithmetic.Divide(wait, count)));
    }
}
