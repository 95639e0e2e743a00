using System.Buffers.Binary;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// Where a file's blocks are: file block i &lt; <see cref="Inode.DirectCount"/> in the inode's
/// direct pointers, the next <see cref="Inode.PointersPerBlock"/> through the single-indirect
/// block. Allocates and frees data blocks in the data bitmap. Changes to the inode's pointers
/// are made in memory: the caller stores the inode.
/// </summary>
internal sealed class BlockMap(BufferCache cache, Superblock layout)
{
    public Bitmap Used { get; } = new(cache, layout.DataBitmapStart, layout.BlockCount);

    /// <summary>
    /// The disk block of file block <paramref name="index"/>: 0 for a hole unless
    /// <paramref name="allocate"/>, then a new zeroed block. -ENOSPC when no block is free,
    /// -EIO for a corrupt indirect pointer.
    /// </summary>
    public int Find(Inode inode, int index, bool allocate)
    {
        if ((uint)index >= Inode.MaxBlocks) throw new KernelBugException($"file block {index} beyond the largest file");
        if (index < Inode.DirectCount)
        {
            if (inode.Direct[index] != 0 || !allocate) return inode.Direct[index];
            var block = Allocate();
            if (block > 0) inode.Direct[index] = block;
            return block;
        }
        if (inode.Indirect == 0)
        {
            if (!allocate) return 0;
            var block = Allocate();
            if (block < 0) return block;
            inode.Indirect = block;
        }
        return FindIndirect(inode.Indirect, index - Inode.DirectCount, allocate);
    }

    /// <summary>Frees file blocks from <paramref name="first"/> on, and the indirect block if none is left in it. -EIO if a corrupt pointer was skipped.</summary>
    public int Release(Inode inode, int first)
    {
        for (var i = first; i < Inode.DirectCount; i++) Free(ref inode.Direct[i]);
        if (inode.Indirect == 0) return 0;
        var error = ReleaseIndirect(inode.Indirect, Math.Max(0, first - Inode.DirectCount));
        if (first <= Inode.DirectCount) Free(ref inode.Indirect);
        return error;
    }

    /// <summary>Every block the inode holds, the indirect block included, in pointer order; null if the indirect block holds a corrupt pointer.</summary>
    public List<int>? Blocks(Inode inode)
    {
        var blocks = inode.Direct.Where(block => block != 0).ToList();
        if (inode.Indirect == 0) return blocks;
        blocks.Add(inode.Indirect);
        var pointers = cache.Get(inode.Indirect);
        for (var slot = 0; slot < Inode.PointersPerBlock; slot++)
        {
            var block = Inode.ReadPointer(pointers, slot * sizeof(uint));
            if (!Inode.IsPointer(block, layout)) return null;
            if (block != 0) blocks.Add(block);
        }
        return blocks;
    }

    private int FindIndirect(int indirect, int slot, bool allocate)
    {
        var block = Inode.ReadPointer(cache.Get(indirect), slot * sizeof(uint));
        if (!Inode.IsPointer(block, layout)) return (int)-Errno.IoError;
        if (block != 0 || !allocate) return block;
        block = Allocate();
        if (block < 0) return block;
        BinaryPrimitives.WriteUInt32LittleEndian(cache.Get(indirect)[(slot * sizeof(uint))..], (uint)block);
        cache.MarkDirty(indirect);
        return block;
    }

    private int ReleaseIndirect(int indirect, int from)
    {
        var pointers = cache.Get(indirect);
        var freed = new List<int>();
        var error = 0;
        for (var slot = from; slot < Inode.PointersPerBlock; slot++)
        {
            var block = Inode.ReadPointer(pointers, slot * sizeof(uint));
            if (block == 0) continue;
            if (Inode.IsPointer(block, layout)) freed.Add(block);
            else error = (int)-Errno.IoError;
            pointers.Slice(slot * sizeof(uint), sizeof(uint)).Clear();
        }
        cache.MarkDirty(indirect);
        foreach (var block in freed) Used.Set(block, false);
        return error;
    }

    /// <summary>A zeroed data block, or -ENOSPC.</summary>
    private int Allocate()
    {
        var block = Used.Allocate(layout.DataStart);
        if (block < 0) return (int)-Errno.NoSpace;
        cache.GetZeroed(block);
        return block;
    }

    private void Free(ref int pointer)
    {
        if (pointer != 0) Used.Set(pointer, false);
        pointer = 0;
    }
}
