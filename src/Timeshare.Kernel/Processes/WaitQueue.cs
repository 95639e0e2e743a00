namespace Timeshare.Kernel.Processes;

/// <summary>
/// The processes blocked until something happens to one object: data in a
/// pipe, room in it, a child's exit. A sleeper left its system call
/// unfinished (pc still at the ecall), so waking it makes it try the call
/// again: it finds what it waited for, or sleeps once more.
/// </summary>
public sealed class WaitQueue(ProcessApi api)
{
    /// <summary>In the order they fell asleep, which is the order they wake.</summary>
    private readonly List<Process> _sleepers = [];

    /// <summary>Running process <paramref name="p"/> blocks here until woken.</summary>
    public void Sleep(Process p)
    {
        _sleepers.Add(p);
        p.SleepingOn = this;
        api.Block(p, Events.Cause.WaitQueue);
    }

    public void WakeAll()
    {
        if (_sleepers.Count == 0) return;
        Process[] woken = [.. _sleepers];
        _sleepers.Clear();
        foreach (var p in woken)
        {
            p.SleepingOn = null;
            if (p.State == ProcessState.Blocked) api.Wake(p, Events.Cause.Woken);
        }
        api.Reschedule();
    }

    /// <summary>A sleeper leaves without being woken (it exited, or a signal interrupted it).</summary>
    internal void Remove(Process p)
    {
        _sleepers.Remove(p);
        p.SleepingOn = null;
    }
}
