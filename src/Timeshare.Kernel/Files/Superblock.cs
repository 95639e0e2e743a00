using System.Buffers.Binary;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// Block 0 of a Timeshare disk, and the layout it implies. On disk: magic, version, block
/// count, inode count (u32 each, little-endian). The regions follow one another:
/// <code>
/// [0] superblock | inode bitmap | data bitmap | inode table | data blocks ... [BlockCount)
/// </code>
/// The inode bitmap has a bit per inode; the data bitmap a bit per block of the whole disk,
/// the blocks before <see cref="DataStart"/> always set.
/// </summary>
internal readonly record struct Superblock(int BlockCount, int InodeCount)
{
    /// <summary>"TSFS" as the first four bytes of the disk.</summary>
    public const uint Magic = 0x53465354;
    public const uint Version = 1;
    public const int BitsPerBlock = Disk.BlockSize * 8;

    public const int InodeBitmapStart = 1;
    public int DataBitmapStart => InodeBitmapStart + BlocksFor(InodeCount, BitsPerBlock);
    public int InodeTableStart => DataBitmapStart + BlocksFor(BlockCount, BitsPerBlock);
    public int DataStart => InodeTableStart + BlocksFor(InodeCount, Inode.PerBlock);

    public bool IsDataBlock(int block) => block >= DataStart && block < BlockCount;

    /// <summary>A layout for a new file system; the disk must hold the metadata and at least the root directory's block.</summary>
    public static Superblock Plan(int blockCount, int inodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inodeCount, 2);
        var layout = new Superblock(blockCount, inodeCount);
        if (layout.MetadataBlocks() >= blockCount)
            throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, $"too small for the metadata of {inodeCount} inodes");
        return layout;
    }

    /// <summary>An inode for every four blocks, whole inode-table blocks.</summary>
    public static int DefaultInodeCount(int blockCount) => Math.Max(1, blockCount / 4 / Inode.PerBlock) * Inode.PerBlock;

    public void Encode(Span<byte> block)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(block, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(block[8..], (uint)BlockCount);
        BinaryPrimitives.WriteUInt32LittleEndian(block[12..], (uint)InodeCount);
    }

    /// <summary>The layout block 0 describes, checked against a disk of <paramref name="diskBlocks"/> blocks.</summary>
    public static Superblock Decode(ReadOnlySpan<byte> block, int diskBlocks)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(block) != Magic) throw new DiskImageError("not a Timeshare disk image (bad magic)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
        if (version != Version) throw new DiskImageError($"unsupported disk image version {version} (expected {Version})");
        var blocks = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
        if (blocks != diskBlocks) throw new DiskImageError($"the superblock says {blocks} blocks but the disk has {diskBlocks}");
        var inodes = BinaryPrimitives.ReadUInt32LittleEndian(block[12..]);
        if (inodes < 2) throw new DiskImageError($"{inodes} inodes leave no room for the root directory");
        if (inodes > (long)diskBlocks * Inode.PerBlock) throw new DiskImageError("inode table runs past the end of the disk");
        var layout = new Superblock(diskBlocks, (int)inodes);
        if (layout.MetadataBlocks() >= diskBlocks) throw new DiskImageError("inode table runs past the end of the disk");
        return layout;
    }

    /// <summary>Blocks before the data region, in long so that a corrupt count cannot overflow.</summary>
    private long MetadataBlocks() =>
        1L + BlocksFor(InodeCount, BitsPerBlock) + BlocksFor(BlockCount, BitsPerBlock) + BlocksFor(InodeCount, Inode.PerBlock);

    private static int BlocksFor(int items, int perBlock) => (int)(((long)items + perBlock - 1) / perBlock);
}
