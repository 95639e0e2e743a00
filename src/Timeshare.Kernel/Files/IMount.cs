using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Files;

/// <summary>
/// A file system mounted in the tree (the disk at /, procfs at /proc). Paths
/// are relative to its root, already made canonical: no ".", "..", empty
/// or trailing components; "" is the root itself. Results are 0 or a
/// negated errno.
/// </summary>
public interface IMount
{
    /// <param name="caller">Who opens: procfs answers "self" with it.</param>
    long Open(Process caller, string path, int flags, int mode, out OpenFile? file);

    long Status(Process caller, string path, out FileStatus status);

    long MakeDirectory(string path, int mode);

    /// <summary>unlink, or rmdir when <paramref name="directory"/>.</summary>
    long Remove(string path, bool directory);
}
