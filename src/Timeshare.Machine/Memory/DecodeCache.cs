using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Memory;

/// <summary>
/// Pre-decoded instructions per physical frame: one slot per halfword (RVC allows 2-byte
/// alignment), filled lazily on first execution. Invariant: a slot is either NotDecoded or
/// the decoding of the bytes currently in memory at that address. Instructions straddling a
/// frame boundary are never cached, so a write only has to clear slots of its own frame.
/// Each page array ends with one extra slot, <see cref="PageEndSlot"/>, which stores never
/// clear: the hart steps from slot to slot and meets it when execution runs off the page.
/// </summary>
internal sealed class DecodeCache(long frameCount)
{
    public const int SlotsPerPage = PhysicalMemory.PageSize / 2;

    public static readonly DecodedOp PageEndSlot = new(Op.PageEnd, 0, 0, 0, 0, 0, 0, 0);

    private readonly DecodedOp[]?[] pages = new DecodedOp[frameCount][];

    /// <summary>Raised with the frame number when a frame first gets a decode page (the hart must then route stores to it through the slow path).</summary>
    public event Action<long>? FrameBecameCode;

    public bool IsCode(long frame) => pages[frame] is not null;

    public DecodedOp[] GetOrCreate(long frame)
    {
        DecodedOp[]? page = pages[frame];
        if (page is null)
        {
            page = new DecodedOp[SlotsPerPage + 1];
            page[SlotsPerPage] = PageEndSlot;
            pages[frame] = page;
            FrameBecameCode?.Invoke(frame);
        }
        return page;
    }

    /// <summary>
    /// A store by the running hart: clear the affected slots in place (the hart may be
    /// executing from this very page array), including a 4-byte instruction starting 2 bytes
    /// earlier. The store must lie within one frame.
    /// </summary>
    public void OnStore(ulong physicalAddress, int size)
    {
        DecodedOp[]? page = pages[(long)(physicalAddress >> PhysicalMemory.PageShift)];
        if (page is null)
            return;
        int offset = (int)(physicalAddress & (PhysicalMemory.PageSize - 1));
        int first = Math.Max(0, offset - 2) >> 1;
        int last = (offset + size - 1) >> 1;
        Array.Clear(page, first, last - first + 1);
    }

    /// <summary>A write from outside the hart (kernel/loader), which never happens while the hart runs: drop whole frames.</summary>
    public void Drop(ulong physicalAddress, ulong length)
    {
        if (length == 0)
            return;
        long first = (long)(physicalAddress >> PhysicalMemory.PageShift);
        long last = (long)((physicalAddress + length - 1) >> PhysicalMemory.PageShift);
        for (long f = first; f <= last && f < pages.LongLength; f++)
            pages[f] = null;
    }

    public void DropAll() => Array.Clear(pages);
}
