using System.Runtime.CompilerServices;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A double-ended queue of processes in a ring of slots: O(1) push at either
/// end, pop, and removal of any member. Removal empties the member's slot,
/// leaving a hole that pops skip; each queued pid knows its slot. A slot keeps
/// its process's pid beside it, so that no queue operation but a push reads a
/// PCB. Nothing is allocated per push once the ring has grown to size. The
/// ring's length is a power of two, so positions wrap with a mask.
/// </summary>
public sealed class ReadyQueue
{
    private const int NotQueued = -1;

    private (Process? Process, int Pid)[] _ring = new (Process?, int)[64];
    private int _head;
    /// <summary>Slots in use from <see cref="_head"/> on, holes included.</summary>
    private int _slots;
    /// <summary>By pid: the ring index of the process's slot, or <see cref="NotQueued"/>.</summary>
    private int[] _slotOf = NoneQueued(64);

    public int Count { get; private set; }

    public void PushBack(Process p)
    {
        MakeRoom(p);
        Fill((_head + _slots++) & (_ring.Length - 1), p);
    }

    public void PushFront(Process p)
    {
        MakeRoom(p);
        _head = (_head - 1) & (_ring.Length - 1);
        _slots++;
        Fill(_head, p);
    }

    public Process? PopFront()
    {
        SkipHoles();
        return _slots > 0 ? TakeFront() : null;
    }

    /// <summary>Takes out the first process allowed on <paramref name="cpu"/>; the front one unless its affinity forbids.</summary>
    public Process? PopFirstAllowedOn(int cpu)
    {
        SkipHoles();
        if (_slots == 0) return null;
        if (_ring[_head].Process!.MayRunOn(cpu)) return TakeFront();
        foreach (var p in this)
            if (p.MayRunOn(cpu)) return Take(p);
        return null;
    }

    public void Remove(Process p)
    {
        if (!Contains(p)) throw Bug(p, "is not queued");
        Empty(_slotOf[p.Pid]);
    }

    public bool Contains(Process p) => p.Pid < _slotOf.Length && _slotOf[p.Pid] != NotQueued;

    /// <summary>The queued processes, front to back; the queue must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>The queued processes, front to back, as a sequence (allocates: for observers).</summary>
    public IEnumerable<Process> InOrder()
    {
        foreach (var p in this) yield return p;
    }

    /// <summary>Walks the filled slots without allocating.</summary>
    public struct Enumerator(ReadyQueue queue)
    {
        private int _i = -1;

        public readonly Process Current => queue._ring[(queue._head + _i) & (queue._ring.Length - 1)].Process!;

        public bool MoveNext()
        {
            while (++_i < queue._slots)
                if (queue._ring[(queue._head + _i) & (queue._ring.Length - 1)].Process is not null) return true;
            return false;
        }
    }

    /// <summary>Drops the holes at the front, so that the front slot, if any, is filled.</summary>
    private void SkipHoles()
    {
        while (_slots > 0 && _ring[_head].Process is null) DropFront();
    }

    /// <summary>Takes out the front process; its slot is filled.</summary>
    private Process TakeFront()
    {
        var p = _ring[_head].Process!;
        Empty(_head);
        DropFront();
        return p;
    }

    private Process Take(Process p)
    {
        Remove(p);
        return p;
    }

    private void DropFront()
    {
        _head = (_head + 1) & (_ring.Length - 1);
        _slots--;
    }

    private void Fill(int slot, Process p)
    {
        _ring[slot] = (p, p.Pid);
        _slotOf[p.Pid] = slot;
        Count++;
    }

    private void Empty(int slot)
    {
        _slotOf[_ring[slot].Pid] = NotQueued;
        _ring[slot] = default;
        Count--;
    }

    private void MakeRoom(Process p)
    {
        if (Contains(p)) throw Bug(p, "is queued twice");
        if (p.Pid >= _slotOf.Length) GrowIndex(p.Pid);
        if (_slots == _ring.Length) GrowRing();
    }

    private void GrowIndex(int pid)
    {
        var old = _slotOf;
        _slotOf = NoneQueued(Math.Max(old.Length * 2, pid + 1));
        old.CopyTo(_slotOf, 0);
    }

    /// <summary>Doubles the ring, its slots from index 0 in order.</summary>
    private void GrowRing()
    {
        var bigger = new (Process? Process, int Pid)[_ring.Length * 2];
        for (var i = 0; i < _slots; i++)
        {
            bigger[i] = _ring[(_head + i) & (_ring.Length - 1)];
            if (bigger[i].Process is not null) _slotOf[bigger[i].Pid] = i;
        }
        _ring = bigger;
        _head = 0;
    }

    private static int[] NoneQueued(int pids)
    {
        var slots = new int[pids];
        Array.Fill(slots, NotQueued);
        return slots;
    }

    // Described out of line: formatting inline would weigh on every push and pop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException Bug(Process p, string what) => new($"{p} {what}");
}
