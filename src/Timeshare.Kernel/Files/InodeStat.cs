namespace Timeshare.Kernel.Files;

/// <summary>
/// What stat reports of an inode. <see cref="Mode"/> holds the permission bits only (the
/// type is <see cref="Type"/>); <see cref="Blocks"/> counts whole disk blocks, indirect
/// block included; <see cref="MTime"/> is simulated time as given by the file system's clock.
/// </summary>
public readonly record struct InodeStat(int Inode, InodeType Type, int Mode, long Size, int Links, int Blocks, long MTime);
