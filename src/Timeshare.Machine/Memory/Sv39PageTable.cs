namespace Timeshare.Machine.Memory;

/// <summary>
/// Builds and edits one address space's Sv39 page tables in physical memory, taking table
/// frames from the kernel's allocator. The kernel owns policy; this only writes PTEs.
/// After changing an existing mapping the kernel must flush the hart's <see cref="Tlb"/>.
/// </summary>
public sealed class Sv39PageTable
{
    private readonly PhysicalMemory memory;
    private readonly Func<ulong> allocateFrame;

    /// <param name="allocateFrame">Returns a free frame number; it is zeroed here before use as a table.</param>
    public Sv39PageTable(PhysicalMemory memory, Func<ulong> allocateFrame)
    {
        this.memory = memory;
        this.allocateFrame = allocateFrame;
        RootFrame = NewTable();
    }

    public ulong RootFrame { get; }

    /// <summary>The value to load into <see cref="Hart.Satp"/> to run in this address space.</summary>
    public ulong Satp => Sv39Mmu.MakeSatp(RootFrame);

    /// <summary>Map the 4 KiB page at <paramref name="virtualAddress"/> to <paramref name="frame"/>; Valid is added to <paramref name="flags"/>.</summary>
    public void Map(ulong virtualAddress, ulong frame, PteFlags flags)
    {
        if ((flags & (PteFlags.Read | PteFlags.Write | PteFlags.Execute)) == 0)
            throw new ArgumentException("a leaf needs at least one of R, W, X", nameof(flags));
        memory.WriteUInt64(LeafAddress(virtualAddress, create: true), Pte.Create(frame, flags | PteFlags.Valid).Raw);
    }

    public void Unmap(ulong virtualAddress)
    {
        ulong address = LeafAddress(virtualAddress, create: false);
        if (address != 0)
            memory.WriteUInt64(address, 0);
    }

    /// <summary>The leaf PTE for a virtual address, or null if no 4 KiB mapping exists.</summary>
    public Pte? Lookup(ulong virtualAddress)
    {
        ulong address = LeafAddress(virtualAddress, create: false);
        if (address == 0)
            return null;
        var pte = new Pte(memory.ReadUInt64(address));
        return pte.IsValid ? pte : null;
    }

    /// <summary>Physical address of the level-0 PTE slot, or 0 when a table is missing and create is false.</summary>
    private ulong LeafAddress(ulong virtualAddress, bool create)
    {
        ulong table = RootFrame << PhysicalMemory.PageShift;
        for (int level = 2; level > 0; level--)
        {
            ulong slot = table + ((virtualAddress >> (12 + 9 * level)) & 511) * 8;
            var pte = new Pte(memory.ReadUInt64(slot));
            if (!pte.IsValid)
            {
                if (!create)
                    return 0;
                pte = Pte.Create(NewTable(), PteFlags.Valid);
                memory.WriteUInt64(slot, pte.Raw);
            }
            else if (pte.IsLeaf)
            {
                throw new InvalidOperationException($"0x{virtualAddress:x} lies in a superpage");
            }
            table = pte.Ppn << PhysicalMemory.PageShift;
        }
        return table + ((virtualAddress >> 12) & 511) * 8;
    }

    private ulong NewTable()
    {
        ulong frame = allocateFrame();
        memory.Fill(frame << PhysicalMemory.PageShift, PhysicalMemory.PageSize, 0);
        return frame;
    }
}
