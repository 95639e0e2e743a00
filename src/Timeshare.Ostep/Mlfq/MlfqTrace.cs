using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Ostep.Output;
using MlfqPolicy = Timeshare.Kernel.Scheduling.Mlfq;

namespace Timeshare.Ostep.Mlfq;

/// <summary>
/// Prints the reference's execution trace from what the kernel does: a line
/// per tick (the job that ran, with its level, quantum and allotment left
/// as the policy sees them, or IDLE), and the arrivals, I/Os, exits and
/// boosts in between. Tick t's line covers time t to t+1; what the kernel
/// does at its end (start an I/O, end the job) is stamped t+1.
/// </summary>
public sealed class MlfqTrace : IKernelObserver, ITickObserver
{
    private readonly AsciiWriter _out;
    private readonly MlfqPolicy _policy;
    private readonly ProcessTable _table;
    private readonly int _firstPid;
    private readonly long[] _runTime;
    private readonly long[] _left;
    private readonly long _boostPeriod;
    private long _nextBoost;
    /// <summary>The running job's standing when it was dispatched, and the ticks it has run since.</summary>
    private MlfqStanding _standing;
    private long _ran;

    /// <param name="firstPid">The pid of job 0; job i has pid firstPid + i.</param>
    public MlfqTrace(AsciiWriter output, MlfqPolicy policy, ProcessTable table, int firstPid, long[] runTimes)
    {
        _out = output;
        _policy = policy;
        _table = table;
        _firstPid = firstPid;
        _runTime = runTimes;
        _left = [.. runTimes];
        FirstRun = [.. runTimes.Select(_ => -1L)];
        Finish = new long[runTimes.Length];
        _boostPeriod = policy.Options.BoostPeriod;
        _nextBoost = _boostPeriod > 0 ? _boostPeriod : long.MaxValue;
    }

    /// <summary>By job: the tick it first ran.</summary>
    public long[] FirstRun { get; }
    /// <summary>By job: the time it finished.</summary>
    public long[] Finish { get; }

    public void OnEvent(in KernelEvent e)
    {
        var job = e.Pid - _firstPid;
        switch (e)
        {
            case { Kind: EventKind.StateChanged, Cause: Cause.Admitted }:
                BoostsUpTo(e.Time);
                Line(e.Time, job, " ] JOB BEGINS by JOB "u8);
                break;
            case { Kind: EventKind.IoCompleted }:
                BoostsUpTo(e.Time);
                Line(e.Time, job, " ] IO_DONE by JOB "u8);
                break;
            case { Kind: EventKind.IoStarted }:
                Line(e.Time, job, " ] IO_START by JOB "u8);
                // The reference announces every I/O's completion as it starts it.
                _out.Write("IO DONE\n"u8);
                break;
            case { Kind: EventKind.StateChanged, To: ProcessState.Zombie }:
                Finish[job] = e.Time;
                Line(e.Time, job, " ] FINISHED JOB "u8);
                break;
            case { Kind: EventKind.StateChanged, To: ProcessState.Running }:
                _standing = _policy.StandingOf(_table.Find(e.Pid)!);
                _ran = 0;
                break;
        }
    }

    public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
    {
        var time = tick - 1;
        BoostsUpTo(time);
        if (cpus.Length == 0 || cpus[0].Activity != CpuActivity.Working)
        {
            Stamp(time);
            _out.Write(" ] IDLE\n"u8);
            return;
        }
        var job = cpus[0].Process!.Pid - _firstPid;
        _ran++;
        _left[job]--;
        if (FirstRun[job] < 0) FirstRun[job] = time;
        Stamp(time);
        _out.Write(" ] Run JOB "u8);
        _out.WriteNumber(job, 0);
        _out.Write(" at PRIORITY "u8);
        _out.WriteNumber(_standing.Level, 0);
        _out.Write(" [ TICKS "u8);
        _out.WriteNumber(_standing.TicksLeft - _ran, 0);
        _out.Write(" ALLOT "u8);
        _out.WriteNumber(_standing.AllotmentLeft, 0);
        _out.Write(" TIME "u8);
        _out.WriteNumber(_left[job], 0);
        _out.Write(" (of "u8);
        _out.WriteNumber(_runTime[job], 0);
        _out.Write(") ]\n"u8);
    }

    private void Line(long time, int job, ReadOnlySpan<byte> text)
    {
        Stamp(time);
        _out.Write(text);
        _out.WriteNumber(job, 0);
        _out.Write("\n"u8);
    }

    /// <summary>
    /// The boosts due by <paramref name="time"/>, printed before anything that
    /// happens at or after the boost's tick: it comes first in its tick.
    /// </summary>
    private void BoostsUpTo(long time)
    {
        for (; _nextBoost <= time; _nextBoost += _boostPeriod)
        {
            Stamp(_nextBoost);
            _out.Write(" ] BOOST ( every "u8);
            _out.WriteNumber(_boostPeriod, 0);
            _out.Write(" )\n"u8);
        }
    }

    private void Stamp(long time)
    {
        _out.Write("[ time "u8);
        _out.WriteNumber(time, 0);
    }
}
