using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Decides who runs next and for how long. A policy owns the set of Ready
/// processes and its own per-process records; it never changes a process,
/// a register or memory. The kernel tells it every move in and out of Ready.
/// Times are in ticks.
/// </summary>
public interface ISchedulingPolicy
{
    /// <summary>The name and parameters, as the user would write them.</summary>
    string Name { get; }

    /// <summary>Number of Ready processes.</summary>
    int ReadyCount { get; }

    /// <summary>A new process became Ready.</summary>
    void Admit(Process p);

    /// <summary>Chooses a Ready process for <paramref name="cpu"/> and takes it out of the ready set.</summary>
    Pick? PickNext(int cpu, long now);

    /// <summary>The dispatcher runs Ready process <paramref name="p"/> out of turn; returns its slice.</summary>
    long Claim(Process p);

    /// <summary>Ready process <paramref name="p"/> leaves the ready set without running (stopped, killed).</summary>
    void Remove(Process p);

    /// <summary>The timer ended <paramref name="p"/>'s slice after it ran <paramref name="ran"/> ticks; it is Ready.</summary>
    void OnExpired(Process p, long ran);

    /// <summary><paramref name="p"/> lost the CPU to a woken process before its slice ended; it is Ready.</summary>
    void OnPreempted(Process p, long ran);

    /// <summary><paramref name="p"/> left the CPU and cannot run (blocked or stopped).</summary>
    void OnBlocked(Process p, long ran);

    /// <summary><paramref name="p"/> is Ready again after blocking or being stopped.</summary>
    void OnWoken(Process p);

    /// <summary><paramref name="p"/> exited; forget it.</summary>
    void OnExited(Process p);

    /// <summary>
    /// Processes became Ready while <paramref name="running"/> has had its CPU for
    /// <paramref name="ran"/> ticks of this dispatch: true if it should give the CPU
    /// to the policy's next choice now (a shorter job arrived, a higher level woke).
    /// </summary>
    bool ShouldPreempt(Process running, long ran);

    /// <summary>
    /// The tick at which the policy wants to re-decide every CPU (a periodic
    /// priority boost), or long.MaxValue for never. Read when a run starts and
    /// after each <see cref="OnTimer"/>.
    /// </summary>
    long NextTimer => long.MaxValue;

    /// <summary>
    /// The policy's timer at tick <paramref name="now"/>, before any other event
    /// of that tick: the kernel has preempted every running process
    /// (<see cref="OnPreempted"/>) and refills the CPUs afterwards.
    /// </summary>
    void OnTimer(long now) { }
}
