using System.Buffers.Binary;

namespace Timeshare.Machine.Memory;

/// <summary>
/// The machine's RAM: <see cref="FrameCount"/> frames of 4 KiB at physical addresses
/// 0 .. <see cref="Size"/>-1 (PPN = frame number). Every write through this API drops the
/// decoded instructions of the frames it touches, so a loader may simply write code here.
/// </summary>
public sealed class PhysicalMemory
{
    public const int PageSize = 4096;
    public const int PageShift = 12;

    /// <summary>The backing store. Pinned: the hart reads and writes it through a raw pointer on its fast paths.</summary>
    internal readonly byte[] Bytes;

    internal readonly DecodeCache Decoded;

    public PhysicalMemory(long size)
    {
        if (size <= 0 || size % PageSize != 0 || size > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(size), size, "must be a positive multiple of 4096 that fits one array");
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the hart reads guest memory with host loads, which requires a little-endian host");
        Bytes = GC.AllocateArray<byte>((int)size, pinned: true);
        Decoded = new DecodeCache(size / PageSize);
    }

    public long Size => Bytes.LongLength;

    public long FrameCount => Size / PageSize;

    public bool Contains(ulong address, ulong length) => address <= (ulong)Size && length <= (ulong)Size - address;

    public void Read(ulong address, Span<byte> destination) =>
        Bytes.AsSpan(Check(address, destination.Length), destination.Length).CopyTo(destination);

    public void Write(ulong address, ReadOnlySpan<byte> source)
    {
        source.CopyTo(Bytes.AsSpan(Check(address, source.Length), source.Length));
        Decoded.Drop(address, (ulong)source.Length);
    }

    public void Fill(ulong address, int length, byte value)
    {
        Bytes.AsSpan(Check(address, length), length).Fill(value);
        Decoded.Drop(address, (ulong)length);
    }

    public byte ReadByte(ulong address) => Bytes[Check(address, 1)];

    public ulong ReadUInt64(ulong address) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Check(address, 8)));

    public uint ReadUInt32(ulong address) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(Check(address, 4)));

    public void WriteUInt64(ulong address, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(Check(address, 8)), value);
        Decoded.Drop(address, 8);
    }

    public void WriteUInt32(ulong address, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(Check(address, 4)), value);
        Decoded.Drop(address, 4);
    }

    /// <summary>A read-only view of a frame, e.g. to copy a page without a round trip.</summary>
    public ReadOnlySpan<byte> Frame(long frame) => Bytes.AsSpan(Check((ulong)frame << PageShift, PageSize), PageSize);

    /// <summary>Forget all decoded instructions (the kernel's big hammer; writes through this class already invalidate).</summary>
    public void InvalidateDecodedInstructions() => Decoded.DropAll();

    /// <summary>Forget decoded instructions of the frames overlapping [address, address+length).</summary>
    public void InvalidateDecodedInstructions(ulong address, ulong length) => Decoded.Drop(address, length);

    private int Check(ulong address, int length)
    {
        if (length < 0 || !Contains(address, (ulong)length))
            throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:x}+{length} is outside physical memory of {Size} bytes");
        return (int)address;
    }
}
