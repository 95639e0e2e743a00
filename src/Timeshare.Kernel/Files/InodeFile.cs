using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// A regular file on the disk, open: reads and writes at the description's
/// offset (at the end with O_APPEND). It holds its inode, so the data of a
/// file unlinked while open stays readable until the last close.
/// </summary>
public sealed class InodeFile : OpenFile
{
    private readonly FileSystem _fs;
    private readonly int _inode;

    public InodeFile(FileSystem fs, int inode, int flags) : base(flags)
    {
        _fs = fs;
        _inode = inode;
        fs.Retain(inode);
    }

    public override long Read(Span<byte> into)
    {
        var got = _fs.ReadAt(_inode, Offset, into);
        if (got > 0) Offset += got;
        return got;
    }

    public override long Write(ReadOnlySpan<byte> from)
    {
        if ((StatusFlags & Append) != 0) Offset = Status().Size;
        var wrote = _fs.WriteAt(_inode, Offset, from);
        if (wrote > 0) Offset += wrote;
        return wrote;
    }

    public override long Seek(long offset, int whence) => FileOffsets.Seek(this, offset, whence, Status().Size);

    public override FileStatus Status() => _fs.Stat(_inode, out var s) < 0 ? default : DiskMount.ToStatus(s);

    protected override void Closed() => _fs.Release(_inode);
}
