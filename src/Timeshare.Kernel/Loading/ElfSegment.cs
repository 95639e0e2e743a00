namespace Timeshare.Kernel.Loading;

/// <summary>A PT_LOAD segment: FileSize bytes from Offset in the file, zero-filled up to MemorySize at VirtualAddress.</summary>
public readonly record struct ElfSegment(ulong Offset, ulong VirtualAddress, ulong FileSize, ulong MemorySize, ulong Align, bool Read, bool Write, bool Execute)
{
    public ulong End => VirtualAddress + MemorySize;

    public bool Contains(ulong address) => address >= VirtualAddress && address < End;
}
