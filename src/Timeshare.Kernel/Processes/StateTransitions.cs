using System.Runtime.CompilerServices;

namespace Timeshare.Kernel.Processes;

/// <summary>
/// The one table of legal state changes. A change not in it is a kernel bug.
/// </summary>
public static class StateTransitions
{
    private const int Count = (int)ProcessState.Zombie + 1;

    /// <summary>By from-state, a bit per legal to-state: checked on every dispatch, so kept to one load.</summary>
    private static readonly int[] Legal = Build();

    private static int[] Build()
    {
        var t = new int[Count];
        void Allow(ProcessState from, params ProcessState[] to)
        {
            foreach (var s in to) t[(int)from] |= 1 << (int)s;
        }
        Allow(ProcessState.New, ProcessState.Ready, ProcessState.Zombie);
        Allow(ProcessState.Ready, ProcessState.Running, ProcessState.Stopped, ProcessState.Zombie);
        Allow(ProcessState.Running, ProcessState.Ready, ProcessState.Blocked, ProcessState.Stopped, ProcessState.Zombie);
        // Blocked -> Stopped: a stop request that arrived while blocked takes effect on wake-up.
        Allow(ProcessState.Blocked, ProcessState.Ready, ProcessState.Stopped, ProcessState.Zombie);
        Allow(ProcessState.Stopped, ProcessState.Ready, ProcessState.Zombie);
        return t;
    }

    public static bool IsLegal(ProcessState from, ProcessState to) => (Legal[(int)from] & (1 << (int)to)) != 0;

    public static void Check(int pid, ProcessState from, ProcessState to)
    {
        if (!IsLegal(from, to)) throw Illegal(pid, from, to);
    }

    // Described out of line: formatting inline would weigh on every state change.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException Illegal(int pid, ProcessState from, ProcessState to) =>
        new($"illegal transition of pid {pid}: {from} -> {to}");
}
