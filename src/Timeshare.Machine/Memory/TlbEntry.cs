namespace Timeshare.Machine.Memory;

/// <summary>
/// One direct-mapped TLB slot for one access kind. <see cref="Tag"/> is the virtual page
/// address (low 12 bits zero) it grants that access to, or <see cref="Tlb.InvalidTag"/>;
/// <see cref="Addend"/> turns a virtual address in that page into its physical address
/// (physical = virtual + Addend, wrapping).
/// </summary>
internal struct TlbEntry
{
    public ulong Tag;
    public ulong Addend;
}
