using System.Buffers.Binary;

namespace Timeshare.Kernel.Tests.Loading;

/// <summary>
/// Builds small riscv64 executables byte by byte: a text segment holding the
/// headers and code at 0x10000, and a data segment with bss after it.
/// Tests then break one field at a time.
/// </summary>
internal sealed class TestElf
{
    public const ulong TextAddress = 0x10000;
    public const ulong DataAddress = 0x11000;
    public const int DataOffset = 0x1000;

    private readonly byte[] _bytes = new byte[DataOffset + 0x100];

    public TestElf()
    {
        "\u007fELF"u8.CopyTo(_bytes);
        _bytes[4] = 2;
        _bytes[5] = 1;
        _bytes[6] = 1;
        U16(16, 2);
        U16(18, 243);
        U32(20, 1);
        U64(24, TextAddress + 0x100);
        U64(32, 64);
        U16(52, 64);
        U16(54, 56);
        U16(56, 2);
        Phdr(0, type: 1, flags: 5, offset: 0, vaddr: TextAddress, filesz: 0x200, memsz: 0x200, align: 0x1000);
        Phdr(1, type: 1, flags: 6, offset: DataOffset, vaddr: DataAddress, filesz: 0x100, memsz: 0x800, align: 0x1000);
    }

    public byte[] Bytes => _bytes;

    public TestElf Phdr(int index, uint type, uint flags, ulong offset, ulong vaddr, ulong filesz, ulong memsz, ulong align)
    {
        var at = 64 + index * 56;
        U32(at, type);
        U32(at + 4, flags);
        U64(at + 8, offset);
        U64(at + 16, vaddr);
        U64(at + 24, vaddr);
        U64(at + 32, filesz);
        U64(at + 40, memsz);
        U64(at + 48, align);
        return this;
    }

    public TestElf U16(int at, ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(at), v); return this; }
    public TestElf U32(int at, uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(at), v); return this; }
    public TestElf U64(int at, ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(at), v); return this; }
    public TestElf Byte(int at, byte v) { _bytes[at] = v; return this; }
}
