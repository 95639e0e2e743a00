using System.Buffers.Binary;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// The in-memory copy of an on-disk inode; changes reach the disk through
/// <see cref="InodeTable.Store"/>. On disk, <see cref="EncodedSize"/> bytes, little-endian:
/// type u16, links u16, mode u32, size u64, mtime i64, <see cref="DirectCount"/> direct block
/// pointers u32, one single-indirect pointer u32, the rest zero. Pointer 0 means no block
/// (a hole reads as zeros): block 0 is the superblock, never data.
/// </summary>
internal sealed class Inode(int number)
{
    public const int EncodedSize = 128;
    public const int PerBlock = Disk.BlockSize / EncodedSize;
    public const int DirectCount = 12;
    public const int PointersPerBlock = Disk.BlockSize / sizeof(uint);
    public const int MaxBlocks = DirectCount + PointersPerBlock;
    public const long MaxFileSize = (long)MaxBlocks * Disk.BlockSize;
    /// <summary>07777: set-user-id, set-group-id, sticky and read/write/execute for user, group, others.</summary>
    public const int PermissionMask = 0xfff;

    private const int DirectOffset = 24;
    private const int IndirectOffset = DirectOffset + DirectCount * sizeof(uint);

    public int Number { get; } = number;
    public InodeType Type;
    public int Links;
    /// <summary>Permission bits only.</summary>
    public int Mode;
    public long Size;
    public long MTime;
    public readonly int[] Direct = new int[DirectCount];
    public int Indirect;

    public static Inode Decode(int number, ReadOnlySpan<byte> bytes)
    {
        var inode = new Inode(number)
        {
            Type = (InodeType)BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            Links = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]),
            Mode = (int)(BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) & PermissionMask),
            Size = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
            MTime = BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]),
            Indirect = ReadPointer(bytes, IndirectOffset),
        };
        for (var i = 0; i < DirectCount; i++) inode.Direct[i] = ReadPointer(bytes, DirectOffset + i * sizeof(uint));
        return inode;
    }

    public void Encode(Span<byte> bytes)
    {
        bytes[..EncodedSize].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)Type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[2..], (ushort)Links);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], (uint)Mode);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Size);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], MTime);
        for (var i = 0; i < DirectCount; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes[(DirectOffset + i * sizeof(uint))..], (uint)Direct[i]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[IndirectOffset..], (uint)Indirect);
    }

    /// <summary>
    /// Whether an inode read from a possibly corrupt disk may be used: a known type, a size the
    /// pointers can address (whole slots for a directory), and every pointer 0 or a data block.
    /// </summary>
    public bool IsSane(Superblock layout) =>
        Type is InodeType.File or InodeType.Directory
        && Size is >= 0 and <= MaxFileSize
        && (Type != InodeType.Directory || Size % DirectoryEntry.EncodedSize == 0)
        && IsPointer(Indirect, layout)
        && Array.TrueForAll(Direct, block => IsPointer(block, layout));

    public static bool IsPointer(int block, Superblock layout) => block == 0 || layout.IsDataBlock(block);

    /// <summary>A u32 pointer as an int; a value past int's range is no block of any disk and fails <see cref="IsPointer"/>.</summary>
    public static int ReadPointer(ReadOnlySpan<byte> bytes, int offset) =>
        (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]), int.MaxValue);
}
