namespace Timeshare.Kernel.Files;

/// <summary>What an inode holds; the numbers are the on-disk encoding.</summary>
public enum InodeType : ushort
{
    /// <summary>A free inode.</summary>
    None = 0,
    File = 1,
    Directory = 2,
}
