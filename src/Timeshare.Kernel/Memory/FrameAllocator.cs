using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Memory;

/// <summary>
/// Hands out the physical frames of the machine's memory, zeroed, and counts
/// who uses each: a frame shared copy-on-write by several address spaces is
/// free again only when the last of them lets go. Freed frames are reused
/// first, lowest address first, so runs repeat exactly.
/// </summary>
public sealed class FrameAllocator(PhysicalMemory memory)
{
    private readonly SortedSet<ulong> _free = [];
    /// <summary>Users of each frame handed out; 0 for a free (or never used) frame.</summary>
    private readonly int[] _users = new int[memory.FrameCount];
    private ulong _next;

    public long FreeFrames => memory.FrameCount - (long)_next + _free.Count;

    /// <summary>A zeroed frame with one user, or null when memory is exhausted.</summary>
    public ulong? TryAllocate()
    {
        ulong frame;
        if (_free.Count > 0)
        {
            frame = _free.Min;
            _free.Remove(frame);
        }
        else if ((long)_next < memory.FrameCount) frame = _next++;
        else return null;
        memory.Fill(frame << PhysicalMemory.PageShift, PhysicalMemory.PageSize, 0);
        _users[frame] = 1;
        return frame;
    }

    /// <summary>One more address space uses <paramref name="frame"/> (copy-on-write sharing).</summary>
    public void Share(ulong frame)
    {
        if (Users(frame) == 0) throw new KernelBugException($"frame {frame} shared while free");
        _users[frame]++;
    }

    /// <summary>How many address spaces use <paramref name="frame"/>.</summary>
    public int Users(ulong frame) => frame < _next ? _users[frame] : 0;

    /// <summary>One user lets go of <paramref name="frame"/>; the last one frees it.</summary>
    public void Free(ulong frame)
    {
        if (Users(frame) == 0) throw new KernelBugException($"frame {frame} freed twice or never allocated");
        if (--_users[frame] == 0) _free.Add(frame);
    }
}
