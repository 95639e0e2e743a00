using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Memory;

/// <summary>
/// Hands out the physical frames of the machine's memory, zeroed. Freed
/// frames are reused first, lowest address first, so runs repeat exactly.
/// </summary>
public sealed class FrameAllocator(PhysicalMemory memory)
{
    private readonly SortedSet<ulong> _free = [];
    private ulong _next;

    public long FreeFrames => memory.FrameCount - (long)_next + _free.Count;

    /// <summary>A zeroed frame, or null when memory is exhausted.</summary>
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
        return frame;
    }

    public void Free(ulong frame)
    {
        if (frame >= _next || !_free.Add(frame)) throw new KernelBugException($"frame {frame} freed twice or never allocated");
    }
}
