using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;

namespace Timeshare.Ostep.Scheduler;

/// <summary>
/// The schedule as the kernel ran it: every time a job leaves the CPU, which
/// job it was and whether it exited. The jobs are spawned one after another
/// and nothing else is created, so job i has pid firstPid + i.
/// </summary>
public sealed class TurnRecorder(int firstPid) : IKernelObserver
{
    private readonly List<Turn> _turns = [];

    public IReadOnlyList<Turn> Turns => _turns;

    public void OnEvent(in KernelEvent e)
    {
        if (e.Kind == EventKind.StateChanged && e.From == ProcessState.Running)
            _turns.Add(new Turn(e.Pid - firstPid, e.To == ProcessState.Zombie));
    }
}
