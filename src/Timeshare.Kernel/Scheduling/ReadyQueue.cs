using System.Runtime.CompilerServices;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A double-ended queue of processes in a ring of slots: O(1) push at either
/// end, pop, and removal of any member. Removal leaves a tombstone that pops
/// skip: a slot is live only while its stamp is the one recorded for its pid.
/// Nothing is allocated per push once the ring has grown to size. The ring's
/// length is a power of two, so positions wrap with a mask.
/// </summary>
public sealed class ReadyQueue
{
    private (Process Process, long Stamp)[] _ring = new (Process, long)[64];
    private int _head;
    private int _slots;
    /// <summary>By pid: the stamp of the process's live slot, 0 when it is not queued.</summary>
    private long[] _liveStamp = new long[64];
    private long _nextStamp = 1;

    public int Count { get; private set; }

    public void PushBack(Process p)
    {
        var entry = Claim(p);
        _ring[(_head + _slots++) & (_ring.Length - 1)] = entry;
    }

    public void PushFront(Process p)
    {
        var entry = Claim(p);
        _head = (_head - 1) & (_ring.Length - 1);
        _ring[_head] = entry;
        _slots++;
    }

    public Process? PopFront()
    {
        SkipTombstones();
        return _slots > 0 ? TakeFront() : null;
    }

    /// <summary>Takes out the first process allowed on <paramref name="cpu"/>; the front one unless its affinity forbids.</summary>
    public Process? PopFirstAllowedOn(int cpu)
    {
        SkipTombstones();
        if (_slots == 0) return null;
        if (_ring[_head].Process.MayRunOn(cpu)) return TakeFront();
        foreach (var p in this)
            if (p.MayRunOn(cpu)) return Take(p);
        return null;
    }

    /// <summary>Drops the slots of removed processes from the front: afterwards the front slot, if any, is live.</summary>
    private void SkipTombstones()
    {
        while (_slots > 0 && _liveStamp[_ring[_head].Process.Pid] != _ring[_head].Stamp) DropFront();
    }

    /// <summary>Takes out the front process, which is live.</summary>
    private Process TakeFront()
    {
        var p = _ring[_head].Process;
        _liveStamp[p.Pid] = 0;
        Count--;
        DropFront();
        return p;
    }

    private void DropFront()
    {
        _ring[_head] = default;
        _head = (_head + 1) & (_ring.Length - 1);
        _slots--;
    }

    private Process Take(Process p)
    {
        Remove(p);
        return p;
    }

    /// <summary>The queued processes, front to back; the queue must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>The queued processes, front to back, as a sequence (allocates: for observers).</summary>
    public IEnumerable<Process> InOrder()
    {
        foreach (var p in this) yield return p;
    }

    public void Remove(Process p)
    {
        if (!Contains(p)) throw Bug(p, "is not queued");
        _liveStamp[p.Pid] = 0;
        Count--;
    }

    public bool Contains(Process p) => p.Pid < _liveStamp.Length && _liveStamp[p.Pid] != 0;

    /// <summary>Walks the live slots without allocating.</summary>
    public struct Enumerator(ReadyQueue queue)
    {
        private int _i = -1;

        public readonly Process Current => queue._ring[(queue._head + _i) & (queue._ring.Length - 1)].Process;

        public bool MoveNext()
        {
            while (++_i < queue._slots)
            {
                var (p, stamp) = queue._ring[(queue._head + _i) & (queue._ring.Length - 1)];
                if (queue._liveStamp[p.Pid] == stamp) return true;
            }
            return false;
        }
    }

    private (Process, long) Claim(Process p)
    {
        if (Contains(p)) throw Bug(p, "is queued twice");
        if (p.Pid >= _liveStamp.Length) Array.Resize(ref _liveStamp, Math.Max(_liveStamp.Length * 2, p.Pid + 1));
        if (_slots == _ring.Length) Grow();
        _liveStamp[p.Pid] = _nextStamp;
        Count++;
        return (p, _nextStamp++);
    }

    // Described out of line: formatting inline would weigh on every push and pop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException Bug(Process p, string what) => new($"{p} {what}");

    private void Grow()
    {
        var bigger = new (Process, long)[_ring.Length * 2];
        for (var i = 0; i < _slots; i++) bigger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        _ring = bigger;
        _head = 0;
    }
}
