using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// The one tree of names: file systems mounted at paths, and the walk from a
/// process's working directory to the file system that holds a name. Paths
/// are made canonical by their text (as Plan 9 does): there are no symbolic
/// links, so "a/b/.." is "a" — except that a ".." above a mount crosses it.
/// </summary>
public sealed class Vfs
{
    /// <summary>Mount points, longest first, so the deepest mount holding a path wins.</summary>
    private readonly List<(string Point, IMount Mount)> _mounts = [];

    public void Mount(string point, IMount mount)
    {
        _mounts.Add((Canonical("/", point)!, mount));
        _mounts.Sort((a, b) => b.Point.Length.CompareTo(a.Point.Length));
    }

    /// <summary>
    /// <paramref name="path"/> seen from <paramref name="cwd"/> as an absolute
    /// canonical path ("/", "/a/b"); null if it is longer than PATH_MAX.
    /// </summary>
    public static string? Canonical(string cwd, string path)
    {
        if (path.Length >= UserMemory.PathMax) return null;
        var parts = new List<string>();
        foreach (var part in (path.StartsWith('/') ? path : cwd + "/" + path).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The mount holding absolute canonical <paramref name="path"/>, and the path within it.</summary>
    public (IMount Mount, string Within)? Find(string path)
    {
        foreach (var (point, mount) in _mounts)
        {
            if (point == "/") return (mount, path.TrimStart('/'));
            if (path == point) return (mount, "");
            if (path.StartsWith(point + "/", StringComparison.Ordinal)) return (mount, path[(point.Length + 1)..]);
        }
        return null;
    }

    /// <summary>Resolves <paramref name="path"/> from directory <paramref name="start"/>, or returns ENOENT/ENAMETOOLONG.</summary>
    public long Resolve(string start, string path, out IMount mount, out string rest, out string absolute)
    {
        mount = null!;
        rest = absolute = "";
        if (path.Length == 0) return -Errno.NoEntry;
        if (Canonical(start, path) is not { } canonical) return -Errno.NameTooLong;
        if (canonical.Split('/').Any(part => part.Length > NameMax)) return -Errno.NameTooLong;
        if (Find(canonical) is not { } found) return -Errno.NoEntry;
        (mount, rest, absolute) = (found.Mount, found.Within, canonical);
        return 0;
    }

    /// <summary>The longest name of one component (Linux's NAME_MAX).</summary>
    public const int NameMax = 255;

    /// <summary>The whole contents of the file at <paramref name="path"/> seen from <paramref name="caller"/> (for exec), or null if it cannot be read.</summary>
    public byte[]? ReadAll(Process caller, string path)
    {
        if (Resolve(caller.WorkingDirectory, path, out var mount, out var rest, out _) < 0) return null;
        if (mount.Open(caller, rest, OpenFile.ReadOnly, 0, out var file) < 0 || file is null) return null;
        try
        {
            if (file.Status().Kind != FileKind.Regular) return null;
            var bytes = new List<byte>();
            var buffer = new byte[64 * 1024];
            long got;
            while ((got = file.Read(buffer)) > 0) bytes.AddRange(buffer.AsSpan(0, (int)got));
            return got < 0 ? null : [.. bytes];
        }
        finally
        {
            file.Release();
        }
    }
}
