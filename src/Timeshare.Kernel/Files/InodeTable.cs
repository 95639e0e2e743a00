namespace Timeshare.Kernel.Files;

/// <summary>
/// The inodes on disk: <see cref="Inode.PerBlock"/> to a block from
/// <see cref="Superblock.InodeTableStart"/>, inode n at slot n (0 is never used, so an entry
/// with inode 0 can mean "free"), allocation tracked by the inode bitmap.
/// </summary>
internal sealed class InodeTable(BufferCache cache, Superblock layout)
{
    public Bitmap Used { get; } = new(cache, Superblock.InodeBitmapStart, layout.InodeCount);

    /// <summary>
    /// Inode <paramref name="number"/>, or null if it is free or fails <see cref="Inode.IsSane"/>.
    /// A number outside the table never comes from the disk (entries are checked), so it is a kernel bug.
    /// </summary>
    public Inode? Load(int number)
    {
        var inode = Inode.Decode(number, Slot(number));
        return inode.IsSane(layout) ? inode : null;
    }

    /// <summary>Inode <paramref name="number"/> as it is on disk, sane or not (for the checker).</summary>
    public Inode LoadRaw(int number) => Inode.Decode(number, Slot(number));

    public void Store(Inode inode)
    {
        inode.Encode(Slot(inode.Number));
        cache.MarkDirty(BlockOf(inode.Number));
    }

    /// <summary>A fresh inode, stored; null when every inode is in use.</summary>
    public Inode? Allocate(InodeType type, int mode, int links, long now)
    {
        var number = Used.Allocate(1);
        if (number < 0) return null;
        var inode = new Inode(number) { Type = type, Links = links, Mode = mode & Inode.PermissionMask, MTime = now };
        Store(inode);
        return inode;
    }

    /// <summary>Marks the inode free on disk; its blocks must have been released already.</summary>
    public void Free(Inode inode)
    {
        inode.Type = InodeType.None;
        inode.Links = 0;
        inode.Size = 0;
        Store(inode);
        Used.Set(inode.Number, false);
    }

    private Span<byte> Slot(int number)
    {
        if (number < 1 || number >= layout.InodeCount) throw new KernelBugException($"inode {number} outside [1, {layout.InodeCount})");
        return cache.Get(BlockOf(number)).Slice(number % Inode.PerBlock * Inode.EncodedSize, Inode.EncodedSize);
    }

    private int BlockOf(int number) => layout.InodeTableStart + number / Inode.PerBlock;
}
