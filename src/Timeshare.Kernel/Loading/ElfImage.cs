namespace Timeshare.Kernel.Loading;

/// <summary>
/// A checked riscv64 executable: where to start, what to map, and where its
/// program headers are once mapped (for the auxiliary vector's AT_PHDR).
/// </summary>
public sealed record ElfImage(ulong Entry, IReadOnlyList<ElfSegment> Segments, ulong ProgramHeaderAddress, int ProgramHeaderSize, int ProgramHeaderCount);
