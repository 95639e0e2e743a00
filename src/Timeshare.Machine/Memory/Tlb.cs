using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeshare.Machine.Memory;

/// <summary>
/// Software TLB: 256 direct-mapped 4 KiB slots, with separate load/store/execute tags so a
/// hit needs no permission check (permissions, U and A/D were checked when the tag was set).
/// There are no ASIDs: the kernel flushes when it changes mappings (writing
/// <see cref="Hart.Satp"/> flushes everything).
/// </summary>
public sealed class Tlb
{
    internal const int Size = 256;
    internal const ulong InvalidTag = ulong.MaxValue; // no VPN is this large

    internal readonly TlbEntry[] Entries = new TlbEntry[Size];

    public Tlb() => FlushAll();

    public void FlushAll()
    {
        Array.Fill(Entries, new TlbEntry { LoadTag = InvalidTag, StoreTag = InvalidTag, ExecuteTag = InvalidTag });
    }

    /// <summary>Flush the translation of one virtual address (like sfence.vma with an address).</summary>
    public void Flush(ulong virtualAddress)
    {
        ref TlbEntry e = ref Slot(virtualAddress >> PhysicalMemory.PageShift);
        e.LoadTag = e.StoreTag = e.ExecuteTag = InvalidTag;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref TlbEntry Slot(ulong vpn) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Entries), (nint)(vpn & (Size - 1)));

    /// <summary>Record that <paramref name="vpn"/> maps to <paramref name="pageBase"/> and allows <paramref name="kind"/>.</summary>
    internal void Fill(ulong vpn, ulong pageBase, AccessKind kind)
    {
        ref TlbEntry e = ref Slot(vpn);
        switch (kind)
        {
            case AccessKind.Load: e.LoadTag = vpn; e.LoadBase = pageBase; break;
            case AccessKind.Store: e.StoreTag = vpn; e.StoreBase = pageBase; break;
            default: e.ExecuteTag = vpn; e.ExecuteBase = pageBase; break;
        }
    }

    /// <summary>Stop granting fast stores to a frame that now holds decoded code, so stores to it invalidate the decode cache.</summary>
    internal void RevokeStores(ulong pageBase)
    {
        for (int i = 0; i < Size; i++)
        {
            if (Entries[i].StoreBase == pageBase)
                Entries[i].StoreTag = InvalidTag;
        }
    }
}
