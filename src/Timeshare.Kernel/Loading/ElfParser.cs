using System.Buffers.Binary;

namespace Timeshare.Kernel.Loading;

/// <summary>
/// Reads a static ELF64 little-endian RISC-V executable, checking every
/// field it uses: a file that fails a check is refused with an
/// <see cref="ElfError"/> naming the problem, never half-loaded.
/// </summary>
public static class ElfParser
{
    private const int HeaderSize = 64;
    private const int PhdrSize = 56;
    private const ushort ExecutableType = 2;
    private const ushort SharedType = 3;
    private const ushort RiscV = 243;
    private const uint Load = 1;
    private const uint Interp = 3;
    private const uint Phdr = 6;
    private const int MaxPhdrs = 64;

    /// <summary>User addresses stop below 2^38, the top of the lower half of Sv39.</summary>
    public const ulong UserTop = 1UL << 38;

    /// <summary>More memory than any program here may ask one segment for.</summary>
    public const ulong MaxSegment = 1UL << 30;

    public static ElfImage Parse(ReadOnlySpan<byte> file)
    {
        CheckIdentity(file);
        var entry = U64(file, 24);
        var phoff = U64(file, 32);
        var phentsize = U16(file, 54);
        var phnum = U16(file, 56);
        if (phentsize != PhdrSize) throw new ElfError($"program header size is {phentsize}, not {PhdrSize}");
        if (phnum is 0 or > MaxPhdrs) throw new ElfError($"{phnum} program headers (1 to {MaxPhdrs} allowed)");
        if (phoff > (ulong)file.Length || (ulong)file.Length - phoff < (ulong)(phnum * PhdrSize))
            throw new ElfError("program headers lie beyond the end of the file");
        var segments = new List<ElfSegment>();
        ulong? phdrAddress = null;
        for (var i = 0; i < phnum; i++)
        {
            var at = (int)phoff + i * PhdrSize;
            var type = U32(file, at);
            if (type == Interp) throw new ElfError("dynamically linked (it asks for an interpreter); only static executables run here");
            if (type == Phdr) phdrAddress = U64(file, at + 16);
            if (type == Load) segments.Add(CheckSegment(file, at, i));
        }
        if (segments.Count == 0) throw new ElfError("no loadable segment");
        CheckOverlaps(segments);
        if (!segments.Any(s => s.Execute && s.Contains(entry)))
            throw new ElfError($"entry point 0x{entry:x} is outside every executable segment");
        var phdrs = phdrAddress ?? MappedAddressOf(segments, phoff)
            ?? throw new ElfError("program headers are not inside any loaded segment");
        return new ElfImage(entry, segments, phdrs, PhdrSize, phnum);
    }

    private static void CheckIdentity(ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderSize) throw new ElfError($"truncated: {file.Length} bytes, shorter than an ELF header");
        if (file[0] != 0x7f || file[1] != 'E' || file[2] != 'L' || file[3] != 'F') throw new ElfError("not an ELF file (bad magic number)");
        if (file[4] != 2) throw new ElfError("not a 64-bit ELF file (class is not ELFCLASS64)");
        if (file[5] != 1) throw new ElfError("not little-endian (data encoding is not ELFDATA2LSB)");
        if (file[6] != 1 || U32(file, 20) != 1) throw new ElfError("unknown ELF version");
        var type = U16(file, 16);
        if (type == SharedType) throw new ElfError("a position-independent or shared object (ET_DYN); only static ET_EXEC executables run here");
        if (type != ExecutableType) throw new ElfError($"not an executable (e_type {type})");
        var machine = U16(file, 18);
        if (machine != RiscV) throw new ElfError($"built for machine {machine}, not RISC-V ({RiscV})");
        if (U16(file, 52) != HeaderSize) throw new ElfError("ELF header size is not 64");
    }

    private static ElfSegment CheckSegment(ReadOnlySpan<byte> file, int at, int index)
    {
        var flags = U32(file, at + 4);
        var s = new ElfSegment(U64(file, at + 8), U64(file, at + 16), U64(file, at + 32), U64(file, at + 40), U64(file, at + 48),
            (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0);
        var name = $"segment {index}";
        if (s.Offset > (ulong)file.Length || (ulong)file.Length - s.Offset < s.FileSize)
            throw new ElfError($"{name} lies beyond the end of the file");
        if (s.FileSize > s.MemorySize) throw new ElfError($"{name} has more bytes in the file ({s.FileSize}) than in memory ({s.MemorySize})");
        if (s.MemorySize > MaxSegment) throw new ElfError($"{name} asks for {s.MemorySize} bytes of memory, more than {MaxSegment}");
        if (s.VirtualAddress >= UserTop || UserTop - s.VirtualAddress < s.MemorySize)
            throw new ElfError($"{name} at 0x{s.VirtualAddress:x} reaches beyond user memory (0x{UserTop:x})");
        if (s.Align > 1 && (!ulong.IsPow2(s.Align) || s.VirtualAddress % s.Align != s.Offset % s.Align))
            throw new ElfError($"{name} is misaligned: address and file offset differ modulo its alignment {s.Align}");
        return s;
    }

    private static void CheckOverlaps(List<ElfSegment> segments)
    {
        var sorted = segments.OrderBy(s => s.VirtualAddress).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].VirtualAddress < sorted[i - 1].End)
                throw new ElfError($"segments at 0x{sorted[i - 1].VirtualAddress:x} and 0x{sorted[i].VirtualAddress:x} overlap");
    }

    private static ulong? MappedAddressOf(List<ElfSegment> segments, ulong fileOffset)
    {
        foreach (var s in segments)
            if (fileOffset >= s.Offset && fileOffset - s.Offset < s.FileSize) return s.VirtualAddress + (fileOffset - s.Offset);
        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
}
