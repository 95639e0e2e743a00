namespace Timeshare.Machine.Memory;

/// <summary>An Sv39 page-table entry: flags in bits 0-9, PPN in bits 10-53, bits 54-63 reserved (must be 0).</summary>
public readonly record struct Pte(ulong Raw)
{
    private const int PpnShift = 10;
    private const ulong PpnMask = (1UL << 44) - 1;

    public PteFlags Flags => (PteFlags)(Raw & 0x3FF);
    public ulong Ppn => (Raw >> PpnShift) & PpnMask;
    public bool IsValid => (Raw & (ulong)PteFlags.Valid) != 0;
    /// <summary>A valid entry with any of R/W/X is a leaf; with none it points to the next-level table.</summary>
    public bool IsLeaf => (Raw & (ulong)(PteFlags.Read | PteFlags.Write | PteFlags.Execute)) != 0;
    public bool HasReservedBits => (Raw >> 54) != 0;

    public static Pte Create(ulong ppn, PteFlags flags)
    {
        if (ppn > PpnMask)
            throw new ArgumentOutOfRangeException(nameof(ppn));
        return new Pte((ppn << PpnShift) | (ulong)flags);
    }

    public bool Has(PteFlags flags) => (Raw & (ulong)flags) == (ulong)flags;
}
