using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// The shared mechanics of the policies that keep one line of Ready
/// processes: arrivals and wake-ups join at the back, a process preempted by a
/// woken one keeps its place at the front. Subclasses say how long a turn is
/// and where an expired process goes.
/// </summary>
public abstract class QueuePolicy : ISchedulingPolicy
{
    protected ReadyQueue Queue { get; } = new();

    public abstract string Name { get; }
    public int ReadyCount => Queue.Count;
    /// <summary>The Ready processes in line, front first (allocates: for observers).</summary>
    public IEnumerable<Process> Waiting => Queue.InOrder();

    /// <summary>The length of every turn, in ticks.</summary>
    protected abstract long Slice { get; }

    public void Admit(Process p) => Queue.PushBack(p);

    public Pick? PickNext(int cpu, long now) => Queue.PopFirstAllowedOn(cpu) is { } p ? new Pick(p, Slice) : null;

    public long Claim(Process p)
    {
        Queue.Remove(p);
        return Slice;
    }

    public void Remove(Process p) => Queue.Remove(p);

    public virtual void OnExpired(Process p, long ran) => Queue.PushBack(p);

    public void OnPreempted(Process p, long ran) => Queue.PushFront(p);

    public void OnBlocked(Process p, long ran) { }

    public void OnWoken(Process p) => Queue.PushBack(p);

    public void OnExited(Process p) { }

    /// <summary>The line decides alone: nobody jumps ahead of the running process.</summary>
    public virtual bool ShouldPreempt(Process running, long ran) => false;
}
