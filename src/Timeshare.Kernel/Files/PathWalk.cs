using System.Text;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// Path resolution as Linux does it: absolute from the root or relative to the working
/// directory, each component looked up in turn ("." and ".." are real entries), repeated
/// slashes as one, a trailing slash allowed only on a directory.
/// </summary>
internal static class PathWalk
{
    /// <summary>The inode <paramref name="path"/> names, or -ENOENT, -ENOTDIR, -ENAMETOOLONG, ….</summary>
    public static int Resolve(FileSystem fs, string path, int cwd)
    {
        if (path.Length == 0) return (int)-Errno.NoEntry;
        if (path.Length >= FileSystem.MaxPathLength) return (int)-Errno.NameTooLong;
        var current = path[0] == '/' ? FileSystem.RootInode : cwd;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = fs.Lookup(current, name);
            if (current < 0) return current;
        }
        if (path[^1] == '/' && !IsDirectory(fs, current)) return (int)-Errno.NotDirectory;
        return current;
    }

    /// <summary>
    /// The directory that is to hold the last component of <paramref name="path"/>, and that
    /// component's name (trailing slashes dropped; "." for the root itself), or -errno.
    /// </summary>
    public static int ResolveParent(FileSystem fs, string path, int cwd, out string name)
    {
        name = "";
        if (path.Length >= FileSystem.MaxPathLength) return (int)-Errno.NameTooLong;
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            if (path.Length == 0) return (int)-Errno.NoEntry;
            name = ".";
            return FileSystem.RootInode;
        }
        var slash = trimmed.LastIndexOf('/');
        name = trimmed[(slash + 1)..];
        if (Encoding.UTF8.GetByteCount(name) > DirectoryEntry.MaxNameLength) return (int)-Errno.NameTooLong;
        if (slash < 0) return IsDirectory(fs, cwd) ? cwd : (int)-Errno.NotDirectory;
        // With its trailing slash the parent's path resolves to a directory or fails.
        return Resolve(fs, trimmed[..(slash + 1)], cwd);
    }

    private static bool IsDirectory(FileSystem fs, int inode) => fs.TypeOf(inode) == InodeType.Directory;
}
