using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>The disk's file system as a mount: paths become inodes, open inodes become <see cref="InodeFile"/>s.</summary>
public sealed class DiskMount(FileSystem fs) : IMount
{
    /// <summary>New files and directories lose these permission bits (the umask every process has: 022).</summary>
    private const int Umask = 0x12;

    public FileSystem FileSystem => fs;

    public long Open(Process caller, string path, int flags, int mode, out OpenFile? file)
    {
        file = null;
        var inode = fs.Resolve("/" + path, FileSystem.RootInode);
        if (inode == -Errno.NoEntry && (flags & OpenFlags.Create) != 0) inode = CreateFile(path, mode);
        else if (inode >= 0 && (flags & (OpenFlags.Create | OpenFlags.Exclusive)) == (OpenFlags.Create | OpenFlags.Exclusive)) return -Errno.Exists;
        if (inode < 0) return inode;
        var found = Status(inode, out var status);
        if (found < 0) return found;
        var writing = (flags & OpenFile.AccessMode) != OpenFile.ReadOnly;
        if (status.Kind == FileKind.Directory)
        {
            if (writing) return -Errno.IsDirectory;
            file = new DirectoryFile(status, index => Entry(inode, index));
            return 0;
        }
        if ((flags & OpenFlags.Directory) != 0) return -Errno.NotDirectory;
        if (writing && (flags & OpenFlags.Truncate) != 0 && fs.Truncate(inode, 0) is var cut and < 0) return cut;
        file = new InodeFile(fs, inode, flags & (OpenFile.AccessMode | OpenFile.Append | OpenFile.NonBlocking));
        return 0;
    }

    private int CreateFile(string path, int mode)
    {
        var parent = fs.ResolveParent("/" + path, FileSystem.RootInode, out var name);
        return parent < 0 ? parent : fs.Create(parent, name, InodeType.File, mode & 0x1ff & ~Umask);
    }

    public long Status(Process caller, string path, out FileStatus status)
    {
        status = default;
        var inode = fs.Resolve("/" + path, FileSystem.RootInode);
        return inode < 0 ? inode : Status(inode, out status);
    }

    private long Status(int inode, out FileStatus status)
    {
        status = default;
        var found = fs.Stat(inode, out var s);
        if (found < 0) return found;
        status = ToStatus(s);
        return 0;
    }

    internal static FileStatus ToStatus(InodeStat s) =>
        new(s.Inode, s.Type == InodeType.Directory ? FileKind.Directory : FileKind.Regular, s.Mode, s.Size, s.Links,
            (long)s.Blocks * (4096 / 512), s.MTime);

    public long MakeDirectory(string path, int mode)
    {
        var parent = fs.ResolveParent("/" + path, FileSystem.RootInode, out var name);
        if (parent < 0) return parent;
        var made = fs.MakeDirectory(parent, name, mode & 0x1ff & ~Umask);
        return Math.Min(made, 0);
    }

    public long Remove(string path, bool directory)
    {
        var parent = fs.ResolveParent("/" + path, FileSystem.RootInode, out var name);
        if (parent < 0) return parent;
        return directory ? fs.RemoveDirectory(parent, name) : fs.Unlink(parent, name);
    }

    private DirectoryItem? Entry(int dir, int index)
    {
        if (fs.EntryAt(dir, index, out var entry) < 0 || entry is not { } e) return null;
        var kind = fs.TypeOf(e.Inode) == InodeType.Directory ? FileKind.Directory : FileKind.Regular;
        return new DirectoryItem(e.Inode, e.Name, kind, e.Index + 1);
    }
}
