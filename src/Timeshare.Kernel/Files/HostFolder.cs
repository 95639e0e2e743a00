namespace Timeshare.Kernel.Files;

/// <summary>
/// Copies between a host folder and the file system: in at boot (a folder
/// becomes the disk), out after a run (--export). Regular files and folders
/// only, in name order so the disk is the same every time; an executable host
/// file becomes mode 0755, any other 0644.
/// </summary>
public static class HostFolder
{
    private const int Executable = 0x1ed, Plain = 0x1a4;

    /// <exception cref="DiskImageError">The folder does not fit on the disk.</exception>
    public static void Import(FileSystem fs, string hostDir) => ImportInto(fs, new DirectoryInfo(hostDir), FileSystem.RootInode, "/");

    private static void ImportInto(FileSystem fs, DirectoryInfo folder, int dir, string path)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is not null) continue;
            if (entry is DirectoryInfo sub)
            {
                var made = fs.Lookup(dir, sub.Name) is var existing and > 0 ? existing : Check(fs.MakeDirectory(dir, sub.Name, Executable), path + sub.Name);
                ImportInto(fs, sub, made, path + sub.Name + "/");
            }
            else if (entry is FileInfo file)
            {
                var executable = !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
                var inode = Check(fs.Create(dir, file.Name, InodeType.File, executable ? Executable : Plain), path + file.Name);
                Check(fs.WriteAt(inode, 0, File.ReadAllBytes(file.FullName)), path + file.Name);
            }
        }
    }

    private static int Check(int result, string path) =>
        result >= 0 ? result : throw new DiskImageError($"cannot copy {path} onto the disk (errno {-result}): is the disk too small?");

    /// <summary>Writes the whole tree out under <paramref name="hostDir"/> (created if missing).</summary>
    public static void Export(FileSystem fs, string hostDir)
    {
        Directory.CreateDirectory(hostDir);
        ExportFrom(fs, FileSystem.RootInode, hostDir);
    }

    private static void ExportFrom(FileSystem fs, int dir, string hostDir)
    {
        if (fs.ReadDirectory(dir, out var entries) < 0) return;
        foreach (var entry in entries)
        {
            if (entry.Name is "." or "..") continue;
            var target = Path.Combine(hostDir, entry.Name);
            if (fs.TypeOf(entry.Inode) == InodeType.Directory)
            {
                Directory.CreateDirectory(target);
                ExportFrom(fs, entry.Inode, target);
                continue;
            }
            if (fs.Stat(entry.Inode, out var stat) < 0) continue;
            var bytes = new byte[stat.Size];
            fs.ReadAt(entry.Inode, 0, bytes);
            File.WriteAllBytes(target, bytes);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, (UnixFileMode)(stat.Mode & 0x1ff));
        }
    }
}
