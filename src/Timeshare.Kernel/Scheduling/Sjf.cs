using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Shortest job first: when the CPU is free, run the Ready process with the
/// shortest declared length (<see cref="Process.DeclaredLength"/>, in ticks),
/// to completion or until it blocks; nobody is preempted and there is no
/// timer. No parameters. When every job arrives at once this minimizes the
/// average turnaround time (each job delays only those behind it, so the
/// short ones go first); a long job that arrives first still makes later
/// short ones wait. Ties go to the earlier arrival, then the lower pid. A
/// process without a declared length is refused with <see cref="PolicyError"/>.
/// </summary>
public sealed class Sjf : LengthPolicy
{
    public override string Name => "sjf";
    protected override long LengthOf(Process p) => Declared(p);
    public override bool ShouldPreempt(Process running, long ran) => false;
}
