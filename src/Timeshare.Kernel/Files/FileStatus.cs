namespace Timeshare.Kernel.Files;

/// <summary>The part of Linux's struct stat Timeshare fills in.</summary>
public readonly record struct FileStatus(long Inode, FileKind Kind, int Permissions, long Size, int Links = 1, long Blocks = 0, long ModifiedNanos = 0)
{
    /// <summary>st_mode: the S_IF* type bits and the permissions.</summary>
    public int Mode => (int)Kind | Permissions;
}

/// <summary>Linux's S_IF* file type bits.</summary>
public enum FileKind
{
    Fifo = 0x1000,
    CharacterDevice = 0x2000,
    Directory = 0x4000,
    Regular = 0x8000,
}
