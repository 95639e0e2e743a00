namespace Timeshare.Kernel.Processes;

/// <summary>
/// The one table of legal state changes. A change not in it is a kernel bug.
/// </summary>
public static class StateTransitions
{
    private const int Count = (int)ProcessState.Zombie + 1;

    private static readonly bool[,] Legal = Build();

    private static bool[,] Build()
    {
        var t = new bool[Count, Count];
        void Allow(ProcessState from, params ProcessState[] to)
        {
            foreach (var s in to) t[(int)from, (int)s] = true;
        }
        Allow(ProcessState.New, ProcessState.Ready, ProcessState.Zombie);
        Allow(ProcessState.Ready, ProcessState.Running, ProcessState.Stopped, ProcessState.Zombie);
        Allow(ProcessState.Running, ProcessState.Ready, ProcessState.Blocked, ProcessState.Stopped, ProcessState.Zombie);
        // Blocked -> Stopped: a stop request that arrived while blocked takes effect on wake-up.
        Allow(ProcessState.Blocked, ProcessState.Ready, ProcessState.Stopped, ProcessState.Zombie);
        Allow(ProcessState.Stopped, ProcessState.Ready, ProcessState.Zombie);
        return t;
    }

    public static bool IsLegal(ProcessState from, ProcessState to) => Legal[(int)from, (int)to];

    public static void Check(int pid, ProcessState from, ProcessState to)
    {
        if (!IsLegal(from, to))
            throw new KernelBugException($"illegal transition of pid {pid}: {from} -> {to}");
    }
}
