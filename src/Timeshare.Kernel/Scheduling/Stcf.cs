using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Shortest time to completion first (preemptive SJF): run the Ready process
/// with the least remaining time, remaining = declared length
/// (<see cref="Process.DeclaredLength"/>) minus the CPU ticks it has used
/// (never below 0). When a process becomes Ready with less remaining than
/// the running one has left, the running one is preempted. No parameters and
/// no timer. Minimizes average turnaround even when jobs arrive at different
/// times, at the price of response time for long jobs (which may starve).
/// Ties go to the earlier arrival, then the lower pid, and never preempt.
/// A process without a declared length is refused with <see cref="PolicyError"/>.
/// </summary>
public sealed class Stcf : LengthPolicy
{
    /// <summary>By pid: CPU ticks used so far, as the kernel reported them when each turn ended.</summary>
    private readonly Dictionary<int, long> _used = [];

    public override string Name => "stcf";

    protected override long LengthOf(Process p) => Remaining(p, 0);

    public override void OnExpired(Process p, long ran)
    {
        Charge(p, ran);
        base.OnExpired(p, ran);
    }

    public override void OnPreempted(Process p, long ran)
    {
        Charge(p, ran);
        base.OnPreempted(p, ran);
    }

    public override void OnBlocked(Process p, long ran) => Charge(p, ran);

    public override void OnExited(Process p) => _used.Remove(p.Pid);

    public override bool ShouldPreempt(Process running, long ran) =>
        ShortestReady is { } shortest && shortest < Remaining(running, ran);

    /// <summary>Remaining time of <paramref name="p"/> if it has run <paramref name="ran"/> more ticks than recorded.</summary>
    private long Remaining(Process p, long ran) =>
        Math.Max(0, Declared(p) - _used.GetValueOrDefault(p.Pid) - ran);

    private void Charge(Process p, long ran) => _used[p.Pid] = _used.GetValueOrDefault(p.Pid) + ran;
}
