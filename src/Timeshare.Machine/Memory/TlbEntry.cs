namespace Timeshare.Machine.Memory;

/// <summary>
/// One direct-mapped TLB slot. Each access kind has its own tag (the virtual page number it
/// grants that access to, or <see cref="Tlb.InvalidTag"/>) and physical page base, so code
/// and data pages that index the same slot do not evict each other.
/// </summary>
internal struct TlbEntry
{
    public ulong LoadTag;
    public ulong LoadBase;
    public ulong StoreTag;
    public ulong StoreBase;
    public ulong ExecuteTag;
    public ulong ExecuteBase;
}
