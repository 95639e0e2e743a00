using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Ready processes in a binary min-heap keyed by pass, ties broken by the
/// lower pid so that every run is deterministic. Push, pop and removal of any
/// member take O(log n); a position table by pid finds a member to remove.
/// Nothing is allocated once the arrays have grown to size.
/// </summary>
internal sealed class PassQueue
{
    private (long Pass, Process Process)[] _heap = new (long, Process)[64];
    /// <summary>By pid: the member's index in the heap plus one; 0 when it is not queued.</summary>
    private int[] _position = new int[64];

    public int Count { get; private set; }

    public void Push(Process p, long pass)
    {
        if (Contains(p)) throw new KernelBugException($"{p} is queued twice");
        if (p.Pid >= _position.Length) Array.Resize(ref _position, Math.Max(_position.Length * 2, p.Pid + 1));
        if (Count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        Place(Count++, (pass, p));
        SiftUp(Count - 1);
    }

    /// <summary>The member with the lowest pass, taken out; null when empty.</summary>
    public Process? Pop()
    {
        if (Count == 0) return null;
        var top = _heap[0].Process;
        RemoveAt(0);
        return top;
    }

    /// <summary>
    /// The member with the lowest pass that may run on <paramref name="cpu"/>,
    /// taken out; null when none may. O(log n) when the best may run there, a
    /// scan of the heap only when affinity rules it out.
    /// </summary>
    public Process? PopAllowedOn(int cpu)
    {
        if (Count == 0) return null;
        if (_heap[0].Process.MayRunOn(cpu)) return Pop();
        var best = -1;
        for (var i = 1; i < Count; i++)
            if (_heap[i].Process.MayRunOn(cpu) && (best < 0 || Before(_heap[i], _heap[best]))) best = i;
        if (best < 0) return null;
        var chosen = _heap[best].Process;
        RemoveAt(best);
        return chosen;
    }

    public void Remove(Process p)
    {
        if (!Contains(p)) throw new KernelBugException($"{p} is not queued");
        RemoveAt(_position[p.Pid] - 1);
    }

    public bool Contains(Process p) => p.Pid < _position.Length && _position[p.Pid] != 0;

    private void RemoveAt(int i)
    {
        _position[_heap[i].Process.Pid] = 0;
        var last = _heap[--Count];
        _heap[Count] = default;
        if (i == Count) return;
        Place(i, last);
        SiftUp(i);
        SiftDown(_position[last.Process.Pid] - 1);
    }

    private void SiftUp(int i)
    {
        while (i > 0 && Before(_heap[i], _heap[(i - 1) / 2]))
        {
            Swap(i, (i - 1) / 2);
            i = (i - 1) / 2;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var least = i;
            foreach (var child in (ReadOnlySpan<int>)[2 * i + 1, 2 * i + 2])
                if (child < Count && Before(_heap[child], _heap[least])) least = child;
            if (least == i) return;
            Swap(i, least);
            i = least;
        }
    }

    private static bool Before((long Pass, Process Process) a, (long Pass, Process Process) b) =>
        a.Pass < b.Pass || (a.Pass == b.Pass && a.Process.Pid < b.Process.Pid);

    private void Swap(int i, int j)
    {
        var a = _heap[i];
        Place(i, _heap[j]);
        Place(j, a);
    }

    private void Place(int i, (long Pass, Process Process) entry)
    {
        _heap[i] = entry;
        _position[entry.Process.Pid] = i + 1;
    }
}
