using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>For policies that keep Ready processes as sorted keys ending in a pid, with the processes by pid.</summary>
internal static class SortedReady
{
    /// <summary>
    /// The first process in the set's order that may run on <paramref name="cpu"/>, or
    /// null. The set is walked only when affinity rules out the first.
    /// </summary>
    public static Process? FirstAllowedOn<TKey>(SortedSet<TKey> ready, Dictionary<int, Process> byPid, Func<TKey, int> pidOf, int cpu)
    {
        if (ready.Count == 0) return null;
        var first = byPid[pidOf(ready.Min!)];
        if (first.MayRunOn(cpu)) return first;
        foreach (var key in ready)
            if (byPid[pidOf(key)] is var p && p.MayRunOn(cpu)) return p;
        return null;
    }
}
