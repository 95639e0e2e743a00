namespace Timeshare.Machine.Memory;

/// <summary>
/// One direct-mapped TLB slot. A tag holds the virtual page number the slot grants that kind
/// of access to, or <see cref="Tlb.InvalidTag"/>; all tags of a slot share one page.
/// </summary>
internal struct TlbEntry
{
    public ulong LoadTag;
    public ulong StoreTag;
    public ulong ExecuteTag;
    /// <summary>Physical address of the 4 KiB page.</summary>
    public ulong PageBase;
}
