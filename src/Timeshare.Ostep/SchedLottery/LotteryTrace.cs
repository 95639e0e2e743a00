using System.Globalization;
using System.Text;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Ostep.Output;
using static System.FormattableString;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>
/// Prints the reference's solution from what the lottery and the kernel do:
/// each draw with the job list as it stood, and each job's end. One kernel
/// tick is one of the reference's quanta (see <see cref="LotteryFrontEnd"/>),
/// so a job's time left is its length less a quantum per tick it ran.
/// The reference's clock counts a quantum per draw, void draws included; it
/// reports done the winner of a void draw too (the job had exited already, so
/// it says so twice) and stops once it has reported as many ends as there are jobs.
/// </summary>
public sealed class LotteryTrace : IKernelObserver
{
    private readonly AsciiWriter _out;
    private readonly LotteryTape _tape;
    private readonly IReadOnlyList<LotteryJob> _jobs;
    private readonly Dictionary<int, int> _jobOfPid = [];
    private readonly Process[] _processes;
    private readonly long _quantum;
    private readonly StringBuilder _line = new();
    private long _draws;
    private int _unreported;

    public LotteryTrace(AsciiWriter output, LotteryTape tape, IReadOnlyList<LotteryJob> jobs, Process[] processes, long quantum)
    {
        (_out, _tape, _jobs, _processes, _quantum) = (output, tape, jobs, processes, quantum);
        for (var i = 0; i < processes.Length; i++) _jobOfPid[processes[i].Pid] = i;
        _unreported = jobs.Count;
    }

    public void OnDraw(LotteryDraw draw)
    {
        if (draw.Winner is null) throw new OstepError($"ticket {draw.Ticket} of {draw.Total} went to no job and none has won before: the reference fails here");
        _draws++;
        var winner = _jobOfPid[draw.Winner.Pid];
        _out.WriteLine(Invariant($"Random {_tape.Last} -> Winning ticket {draw.Ticket} (of {draw.Total}) -> Run {winner}"));
        WriteJobs(winner);
        if (!draw.Runs) ReportDone(winner);
    }

    public void OnEvent(in KernelEvent e)
    {
        if (e.Kind == EventKind.StateChanged && e.To == ProcessState.Zombie) ReportDone(_jobOfPid[e.Pid]);
    }

    private void WriteJobs(int winner)
    {
        _out.WriteLine("  Jobs:");
        _line.Clear();
        for (var i = 0; i < _jobs.Count; i++)
        {
            var left = TimeLeft(i);
            var tickets = left > 0 ? _jobs[i].Tickets.ToString(CultureInfo.InvariantCulture) : "---";
            _line.Append(CultureInfo.InvariantCulture, $" ({(i == winner ? '*' : ' ')} job:{i} timeleft:{left} tix:{tickets} ) ");
        }
        _out.WriteLine(_line.ToString());
    }

    /// <summary>Zero once done; before, the length less a quantum for every quantum won (which grows it when the quantum is negative).</summary>
    private long TimeLeft(int job)
    {
        var p = _processes[job];
        return p.IsAlive ? _jobs[job].Length - (_quantum * p.Time.Cpu) : 0;
    }

    private void ReportDone(int job)
    {
        _out.WriteLine(Invariant($"--> JOB {job} DONE at time {_draws * _quantum}"));
        if (--_unreported > 0) return;
        _out.WriteLine();
        _tape.End();
    }
}
