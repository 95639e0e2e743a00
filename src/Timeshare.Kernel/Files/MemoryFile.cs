using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>A read-only file whose bytes were made when it was opened (a procfs snapshot).</summary>
public sealed class MemoryFile(byte[] contents, FileStatus status) : OpenFile(ReadOnly)
{
    public override long Read(Span<byte> into)
    {
        if (Offset >= contents.Length) return 0;
        var count = (int)Math.Min(into.Length, contents.Length - Offset);
        contents.AsSpan((int)Offset, count).CopyTo(into);
        Offset += count;
        return count;
    }

    public override long Seek(long offset, int whence) => FileOffsets.Seek(this, offset, whence, contents.Length);

    public override FileStatus Status() => status with { Size = contents.Length };
}
