using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// An open directory: read and write fail with EISDIR; getdents64 reads its
/// entries one by one, the offset standing just after the last one read.
/// </summary>
public sealed class DirectoryFile(FileStatus status, Func<int, DirectoryItem?> entryAt) : OpenFile(ReadOnly)
{
    public override long Read(Span<byte> into) => -Errno.IsDirectory;

    public override FileStatus Status() => status;

    /// <summary>The first entry at offset <paramref name="index"/> or after, or null past the last.</summary>
    public DirectoryItem? EntryAt(long index) => index is >= 0 and < int.MaxValue ? entryAt((int)index) : null;

    public override long Seek(long offset, int whence) => whence == 0 && offset >= 0 ? Offset = offset : -Errno.Invalid;
}
