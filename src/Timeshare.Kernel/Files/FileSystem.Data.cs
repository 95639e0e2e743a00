using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>The bytes of a file: reading, writing and truncating through the block map.</summary>
public sealed partial class FileSystem
{
    /// <summary>Copies bytes from <paramref name="offset"/> on; returns how many (0 at or after the end), or -errno.</summary>
    public int ReadAt(int inode, long offset, Span<byte> into)
    {
        if (offset < 0) return (int)-Errno.Invalid;
        if (_inodes.Load(inode) is not { } node) return (int)-Errno.IoError;
        if (node.Type == InodeType.Directory) return (int)-Errno.IsDirectory;
        return Read(node, offset, into);
    }

    /// <summary>
    /// Writes bytes at <paramref name="offset"/>, extending the file (a gap becomes a hole).
    /// Returns how many were written — fewer when the disk fills or the maximum size is reached —
    /// or -ENOSPC / -EFBIG when not one could be.
    /// </summary>
    public int WriteAt(int inode, long offset, ReadOnlySpan<byte> from)
    {
        if (offset < 0) return (int)-Errno.Invalid;
        if (_inodes.Load(inode) is not { } node) return (int)-Errno.IoError;
        if (node.Type == InodeType.Directory) return (int)-Errno.IsDirectory;
        if (from.Length > 0 && offset >= MaxFileSize) return (int)-Errno.FileTooBig;
        return Write(node, offset, from[..(int)Math.Min(from.Length, MaxFileSize - offset)]);
    }

    /// <summary>Sets the file's length: shrinking frees the blocks past it, growing leaves a hole. 0 or -errno.</summary>
    public int Truncate(int inode, long length)
    {
        if (length < 0) return (int)-Errno.Invalid;
        if (length > MaxFileSize) return (int)-Errno.FileTooBig;
        if (_inodes.Load(inode) is not { } node) return (int)-Errno.IoError;
        if (node.Type == InodeType.Directory) return (int)-Errno.IsDirectory;
        return Resize(node, length);
    }

    private int Read(Inode inode, long offset, Span<byte> into)
    {
        var total = (int)Math.Clamp(inode.Size - offset, 0, into.Length);
        for (var done = 0; done < total;)
        {
            var (index, within, chunk) = Chunk(offset + done, total - done);
            var block = _blocks.Find(inode, index, allocate: false);
            if (block < 0) return block;
            var target = into.Slice(done, chunk);
            if (block == 0) target.Clear();
            else _cache.Get(block).Slice(within, chunk).CopyTo(target);
            done += chunk;
        }
        return total;
    }

    /// <summary>Writes what fits (the caller has cut <paramref name="from"/> to the maximum size) and stores the inode.</summary>
    private int Write(Inode inode, long offset, ReadOnlySpan<byte> from)
    {
        var done = 0;
        var error = 0;
        while (done < from.Length)
        {
            var (index, within, chunk) = Chunk(offset + done, from.Length - done);
            var block = _blocks.Find(inode, index, allocate: true);
            if (block < 0)
            {
                error = block;
                break;
            }
            from.Slice(done, chunk).CopyTo(_cache.Get(block)[within..]);
            _cache.MarkDirty(block);
            done += chunk;
        }
        if (done > 0)
        {
            inode.Size = Math.Max(inode.Size, offset + done);
            inode.MTime = _clock();
        }
        _inodes.Store(inode);
        return done > 0 ? done : error;
    }

    private int Resize(Inode inode, long length)
    {
        var error = 0;
        if (length < inode.Size)
        {
            var kept = (int)((length + Disk.BlockSize - 1) / Disk.BlockSize);
            error = _blocks.Release(inode, kept);
            if (error == 0) error = ZeroTail(inode, length);
        }
        inode.Size = length;
        inode.MTime = _clock();
        _inodes.Store(inode);
        return error;
    }

    /// <summary>Zeros the last kept block past <paramref name="length"/>, so that growing the file again reads zeros there.</summary>
    private int ZeroTail(Inode inode, long length)
    {
        var within = (int)(length % Disk.BlockSize);
        if (within == 0) return 0;
        var block = _blocks.Find(inode, (int)(length / Disk.BlockSize), allocate: false);
        if (block <= 0) return block;
        _cache.Get(block)[within..].Clear();
        _cache.MarkDirty(block);
        return 0;
    }

    /// <summary>The file block holding byte <paramref name="position"/>, the offset in it, and how much of <paramref name="remaining"/> fits there.</summary>
    private static (int Index, int Within, int Chunk) Chunk(long position, int remaining)
    {
        var within = (int)(position % Disk.BlockSize);
        return ((int)(position / Disk.BlockSize), within, Math.Min(remaining, Disk.BlockSize - within));
    }
}
