using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeshare.Machine.Memory;

/// <summary>
/// Software TLB: 256 direct-mapped 4 KiB slots per access kind (load, store, execute), so a
/// hit needs no permission check (permissions, U and A/D were checked when the tag was set)
/// and code and data pages that index the same slot do not evict each other.
/// There are no ASIDs: the kernel flushes when it changes mappings (writing
/// <see cref="Hart.Satp"/> flushes everything).
/// </summary>
public sealed class Tlb
{
    internal const int Size = 256;

    /// <summary>Matches no address a lookup compares against: those have bits 3..11 clear.</summary>
    internal const ulong InvalidTag = ulong.MaxValue;

    // Pinned: the hart reads the load and store arrays through raw pointers.
    internal readonly TlbEntry[] Load = GC.AllocateArray<TlbEntry>(Size, pinned: true);
    internal readonly TlbEntry[] Store = GC.AllocateArray<TlbEntry>(Size, pinned: true);
    internal readonly TlbEntry[] Execute = new TlbEntry[Size];

    public Tlb() => FlushAll();

    public void FlushAll()
    {
        var invalid = new TlbEntry { Tag = InvalidTag };
        Array.Fill(Load, invalid);
        Array.Fill(Store, invalid);
        Array.Fill(Execute, invalid);
    }

    /// <summary>Flush the translation of one virtual address (like sfence.vma with an address).</summary>
    public void Flush(ulong virtualAddress)
    {
        Slot(Load, virtualAddress).Tag = InvalidTag;
        Slot(Store, virtualAddress).Tag = InvalidTag;
        Slot(Execute, virtualAddress).Tag = InvalidTag;
    }

    /// <summary>The slot of <paramref name="entries"/> that a virtual address indexes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref TlbEntry Slot(TlbEntry[] entries, ulong virtualAddress) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entries), (nint)((virtualAddress >> PhysicalMemory.PageShift) & (Size - 1)));

    internal TlbEntry[] Entries(AccessKind kind) => kind switch
    {
        AccessKind.Load => Load,
        AccessKind.Store => Store,
        _ => Execute,
    };

    /// <summary>Record that the page of <paramref name="virtualAddress"/> maps to <paramref name="pageBase"/> and allows <paramref name="kind"/>.</summary>
    internal void Fill(ulong virtualAddress, ulong pageBase, AccessKind kind)
    {
        ulong page = virtualAddress & ~(ulong)(PhysicalMemory.PageSize - 1);
        Slot(Entries(kind), virtualAddress) = new TlbEntry { Tag = page, Addend = pageBase - page };
    }

    /// <summary>Stop granting fast stores to a frame that now holds decoded code, so stores to it invalidate the decode cache.</summary>
    internal void RevokeStores(ulong pageBase)
    {
        foreach (ref TlbEntry e in Store.AsSpan())
        {
            if (e.Tag != InvalidTag && e.Tag + e.Addend == pageBase)
                e.Tag = InvalidTag;
        }
    }
}
