namespace Timeshare.Kernel.Files;

/// <summary>One name in a directory listing, as getdents64 reports it.</summary>
public readonly record struct DirectoryItem(long Inode, string Name, FileKind Kind);
