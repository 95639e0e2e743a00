using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// Moves trees between a host folder and a file system: regular files and directories only
/// (symbolic links, FIFOs, sockets and devices are skipped), in ordinal name order so that the
/// same folder always makes the same disk. A host file with its owner's execute bit becomes
/// mode 0755, any other 0644; directories are <see cref="FileSystem.DirectoryMode"/>.
/// </summary>
public static class HostFolder
{
    /// <summary>0644.</summary>
    public const int FileMode = 0x1a4;

    /// <summary>0755.</summary>
    public const int ExecutableMode = 0x1ed;

    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Copies the tree under <paramref name="hostDir"/> into the root, merging with what is there
    /// (a file of the same name is replaced). Throws <see cref="DiskImageError"/> when something does not fit.
    /// </summary>
    public static void Import(FileSystem fs, string hostDir) => ImportInto(fs, FileSystem.RootInode, new DirectoryInfo(hostDir), "/");

    /// <summary>Writes the whole tree out under <paramref name="hostDir"/>, which is created if need be.</summary>
    public static void Export(FileSystem fs, string hostDir) => ExportFrom(fs, FileSystem.RootInode, Directory.CreateDirectory(hostDir), "/");

    /// <summary>
    /// A new file system holding the tree under <paramref name="hostDir"/>, on a disk just big
    /// enough for it plus <paramref name="freeBlocks"/> free blocks (and an inode for every four of
    /// them), flushed. To use it with another cache or clock, mount <c>Cache.Disk</c> again.
    /// </summary>
    public static FileSystem Build(string hostDir, int freeBlocks, Func<long>? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(freeBlocks);
        var (blocks, inodes) = Measure(new DirectoryInfo(hostDir));
        var inodeCount = RoundUp(inodes + 2 + freeBlocks / 4, Inode.PerBlock);
        var metadata = 1 + BlocksFor(inodeCount, Superblock.BitsPerBlock) + BlocksFor(inodeCount, Inode.PerBlock);
        var dataBlocks = blocks + freeBlocks;
        // The data bitmap covers the whole disk, itself included: grow until it does.
        var total = metadata + dataBlocks;
        while (metadata + BlocksFor(total, Superblock.BitsPerBlock) + dataBlocks > total) total++;
        if (total > Disk.MaxBlocks) throw new DiskImageError($"{hostDir} needs {total} blocks, more than the largest disk ({Disk.MaxBlocks})");
        var disk = new Disk((int)total);
        var fs = FileSystem.Format(disk, new BufferCache(disk, 64), clock, (int)inodeCount);
        Import(fs, hostDir);
        fs.Flush();
        return fs;
    }

    private static void ImportInto(FileSystem fs, int dir, DirectoryInfo host, string path)
    {
        foreach (var entry in Entries(host))
        {
            var target = path + entry.Name;
            if (entry is DirectoryInfo sub)
                ImportInto(fs, Place(fs, dir, entry.Name, InodeType.Directory, FileSystem.DirectoryMode, target), sub, target + "/");
            else
                Copy(fs, Place(fs, dir, entry.Name, InodeType.File, ModeOf((FileInfo)entry), target), (FileInfo)entry, target);
        }
    }

    /// <summary>The inode named <paramref name="name"/> in the directory, made if missing; an existing file is emptied.</summary>
    private static int Place(FileSystem fs, int dir, string name, InodeType type, int mode, string path)
    {
        var inode = fs.Create(dir, name, type, mode);
        if (inode != (int)-Errno.Exists) return Succeeded(inode, path);
        inode = Succeeded(fs.Lookup(dir, name), path);
        if (fs.TypeOf(inode) != type) throw new DiskImageError($"cannot import {path}: a {fs.TypeOf(inode).ToString().ToLowerInvariant()} of that name is in the way");
        if (type == InodeType.File) Succeeded(fs.Truncate(inode, 0), path);
        return inode;
    }

    private static void Copy(FileSystem fs, int inode, FileInfo host, string path)
    {
        if (host.Length > FileSystem.MaxFileSize) Succeeded((int)-Errno.FileTooBig, path);
        using var stream = host.OpenRead();
        var buffer = new byte[ChunkSize];
        long offset = 0;
        for (int read; (read = stream.Read(buffer)) > 0; offset += read)
        {
            var written = fs.WriteAt(inode, offset, buffer.AsSpan(0, read));
            Succeeded(written >= 0 && written < read ? (int)-Errno.NoSpace : written, path);
        }
    }

    private static void ExportFrom(FileSystem fs, int dir, DirectoryInfo host, string path)
    {
        Succeeded(fs.ReadDirectory(dir, out var entries), path);
        foreach (var entry in entries.Where(e => e.Name is not "." and not ".."))
        {
            var target = Path.Combine(host.FullName, entry.Name);
            if (fs.TypeOf(entry.Inode) == InodeType.Directory)
                ExportFrom(fs, entry.Inode, Directory.CreateDirectory(target), path + entry.Name + "/");
            else
                WriteOut(fs, entry.Inode, target, path + entry.Name);
        }
    }

    private static void WriteOut(FileSystem fs, int inode, string target, string path)
    {
        Succeeded(fs.Stat(inode, out var stat), path);
        using (var stream = File.Create(target))
        {
            var buffer = new byte[ChunkSize];
            for (long offset = 0; offset < stat.Size;)
            {
                var read = Succeeded(fs.ReadAt(inode, offset, buffer), path);
                if (read == 0) break;
                stream.Write(buffer, 0, read);
                offset += read;
            }
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, (UnixFileMode)stat.Mode);
    }

    /// <summary>Data blocks (indirect blocks included) and inodes the tree needs.</summary>
    private static (long Blocks, long Inodes) Measure(DirectoryInfo host)
    {
        var (blocks, inodes) = (0L, 0L);
        var entries = Entries(host);
        foreach (var entry in entries)
        {
            var (b, i) = entry is DirectoryInfo sub ? Measure(sub) : (BlocksOf(((FileInfo)entry).Length), 1);
            blocks += b;
            inodes += i;
        }
        // The directory itself: its inode and its entries, "." and ".." included.
        return (blocks + BlocksOf((entries.Count + 2L) * DirectoryEntry.EncodedSize), inodes + 1);
    }

    private static long BlocksOf(long bytes)
    {
        var data = BlocksFor(bytes, Disk.BlockSize);
        return data + (data > Inode.DirectCount ? 1 : 0);
    }

    /// <summary>The directories and regular files of a host directory, in ordinal name order.</summary>
    private static List<FileSystemInfo> Entries(DirectoryInfo host) =>
        host.EnumerateFileSystemInfos()
            .Where(entry => entry.LinkTarget is null && (entry is DirectoryInfo || IsRegularFile(entry.FullName)))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .ToList();

    private static int ModeOf(FileInfo file) =>
        !OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0 ? ExecutableMode : FileMode;

    /// <summary>Passes a non-negative result through; turns -errno into a <see cref="DiskImageError"/> naming the path.</summary>
    private static int Succeeded(int result, string path) => result >= 0 ? result : throw new DiskImageError($"cannot copy {path}: {Describe(-result)}");

    private static string Describe(long errno) => errno switch
    {
        Errno.NoSpace => "the disk is full",
        Errno.FileTooBig => $"a file holds at most {FileSystem.MaxFileSize} bytes",
        Errno.NameTooLong => $"a name holds at most {DirectoryEntry.MaxNameLength} bytes",
        Errno.IoError => "the disk image is corrupt",
        _ => $"error {errno}",
    };

    /// <summary>
    /// .NET shows FIFOs, sockets and devices as ordinary files; Linux's statx tells them apart
    /// (its layout, unlike stat's, is the same on every architecture). Elsewhere every file counts as regular.
    /// </summary>
    private static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var buffer = new byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return false;
        return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(StatxModeOffset)) & FileTypeMask) == RegularFileType;
    }

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xf000;
    private const int RegularFileType = 0x8000;

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static long BlocksFor(long items, int perBlock) => (items + perBlock - 1) / perBlock;

    private static long RoundUp(long items, int multiple) => BlocksFor(items, multiple) * multiple;
}
