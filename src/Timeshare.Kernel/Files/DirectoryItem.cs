namespace Timeshare.Kernel.Files;

/// <summary>One name in a directory listing, as getdents64 reports it.</summary>
/// <param name="Next">The directory offset just after this entry: where the next read resumes.</param>
public readonly record struct DirectoryItem(long Inode, string Name, FileKind Kind, long Next);
