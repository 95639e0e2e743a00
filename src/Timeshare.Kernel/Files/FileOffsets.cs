using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>lseek over a file of a known size: SEEK_SET, SEEK_CUR, SEEK_END.</summary>
public static class FileOffsets
{
    public const int Set = 0, Current = 1, End = 2;

    public static long Seek(OpenFile file, long offset, int whence, long size)
    {
        long start = whence switch { Set => 0, Current => file.Offset, End => size, _ => -1 };
        if (start < 0 || start + offset < 0) return -Errno.Invalid;
        return file.Offset = start + offset;
    }
}
