using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// A small Unix file system on a <see cref="Disk"/> (the layout is in <see cref="Superblock"/>),
/// reached only through a <see cref="BufferCache"/>: every block it touches, metadata included,
/// is a cache access, so the cache's misses are the disk reads an operation caused.
/// </summary>
/// <remarks>
/// Error convention: every operation returns an int; a negative value is a negated Linux errno
/// (<see cref="Errno"/>), ready for a system call's a0. A non-negative value is the result (an
/// inode number, a byte count, or 0); structured results come through an out parameter. A
/// corrupt disk makes an operation fail with EIO, never throw. Inode numbers the caller passes
/// must have come from this file system: one outside the inode table is a kernel bug and throws.
/// </remarks>
public sealed partial class FileSystem
{
    public const int RootInode = 1;

    /// <summary>Longest path a system call may pass, its terminating NUL included (Linux PATH_MAX).</summary>
    public const int MaxPathLength = 4096;

    public const long MaxFileSize = Inode.MaxFileSize;

    /// <summary>0755, the root directory's permissions.</summary>
    public const int DirectoryMode = 0x1ed;

    private readonly BufferCache _cache;
    private readonly Superblock _layout;
    private readonly InodeTable _inodes;
    private readonly BlockMap _blocks;
    private readonly Func<long> _clock;

    /// <summary>
    /// Open references per inode (<see cref="Retain"/> minus <see cref="Release"/>), only
    /// positive counts present. An inode with no links stays allocated while it has any.
    /// </summary>
    private readonly Dictionary<int, int> _references = [];

    private FileSystem(BufferCache cache, Superblock layout, Func<long>? clock)
    {
        _cache = cache;
        _layout = layout;
        _inodes = new InodeTable(cache, layout);
        _blocks = new BlockMap(cache, layout);
        _clock = clock ?? (() => 0);
    }

    /// <summary>The cache every access goes through; its <see cref="BufferCache.Disk"/> is the disk.</summary>
    public BufferCache Cache => _cache;

    public int BlockCount => _layout.BlockCount;

    public int InodeCount => _layout.InodeCount;

    /// <summary>
    /// Writes an empty file system holding only the root directory, and flushes it to the disk.
    /// <paramref name="inodeCount"/> 0 means one inode for every four blocks. <paramref name="clock"/>
    /// gives modification times in simulated time (default: always 0).
    /// </summary>
    public static FileSystem Format(Disk disk, BufferCache cache, Func<long>? clock = null, int inodeCount = 0)
    {
        RequireCacheOf(disk, cache);
        var layout = Superblock.Plan(disk.BlockCount, inodeCount == 0 ? Superblock.DefaultInodeCount(disk.BlockCount) : inodeCount);
        layout.Encode(cache.GetZeroed(0));
        for (var block = 1; block < layout.DataStart; block++) cache.GetZeroed(block);
        var fs = new FileSystem(cache, layout, clock);
        for (var block = 0; block < layout.DataStart; block++) fs._blocks.Used.Set(block, true);
        fs._inodes.Used.Set(0, true);
        var root = fs._inodes.Allocate(InodeType.Directory, DirectoryMode, LinksOfNew(InodeType.Directory), fs._clock())!;
        if (root.Number != RootInode || fs.InitializeDirectory(root, root) < 0)
            throw new KernelBugException("a freshly formatted disk has no room for the root directory");
        cache.Flush();
        return fs;
    }

    /// <summary>
    /// The file system on <paramref name="disk"/>. Throws <see cref="DiskImageError"/>, and nothing
    /// else whatever the bytes, when the superblock or the root directory is unusable.
    /// </summary>
    public static FileSystem Mount(Disk disk, BufferCache cache, Func<long>? clock = null)
    {
        RequireCacheOf(disk, cache);
        if (disk.BlockCount == 0) throw new DiskImageError("not a Timeshare disk image (the disk is empty)");
        var fs = new FileSystem(cache, Superblock.Decode(cache.Get(0), disk.BlockCount), clock);
        fs.CheckRoot();
        return fs;
    }

    /// <summary>Writes every block changed in the cache to the disk.</summary>
    public void Flush() => _cache.Flush();

    public int Stat(int inode, out InodeStat stat)
    {
        stat = default;
        if (_inodes.Load(inode) is not { } node || _blocks.Blocks(node) is not { } blocks) return (int)-Errno.IoError;
        stat = new InodeStat(inode, node.Type, node.Mode, node.Size, node.Links, blocks.Count, node.MTime);
        return 0;
    }

    /// <summary>Takes an open reference: the inode outlives its last link until the matching <see cref="Release"/>.</summary>
    public void Retain(int inode)
    {
        _references[inode] = _references.GetValueOrDefault(inode) + 1;
    }

    /// <summary>Drops an open reference; the last one frees an inode that has no link left.</summary>
    public void Release(int inode)
    {
        if (!_references.TryGetValue(inode, out var count)) throw new KernelBugException($"inode {inode} released more often than retained");
        if (count > 1)
        {
            _references[inode] = count - 1;
            return;
        }
        _references.Remove(inode);
        if (_inodes.Load(inode) is { Links: 0 } node) Destroy(node);
    }

    public bool IsRetained(int inode) => _references.ContainsKey(inode);

    public int CountFreeBlocks() => _layout.BlockCount - _blocks.Used.CountSet(0);

    public int CountFreeInodes() => _layout.InodeCount - _inodes.Used.CountSet(0);

    /// <summary>The type of a sane, allocated inode; <see cref="InodeType.None"/> for a free or corrupt one.</summary>
    public InodeType TypeOf(int inode) => _inodes.Load(inode)?.Type ?? InodeType.None;

    /// <summary>Frees the inode and its blocks: its last link and last open reference are gone.</summary>
    private void Destroy(Inode inode)
    {
        _blocks.Release(inode, 0);
        _inodes.Free(inode);
    }

    private void CheckRoot()
    {
        if (!_inodes.Used.IsSet(RootInode)) throw new DiskImageError("the root directory's inode is marked free");
        if (_inodes.Load(RootInode) is not { Type: InodeType.Directory }) throw new DiskImageError("the root inode is not a sane directory");
        if (Lookup(RootInode, "..") != RootInode) throw new DiskImageError("the root directory has no '..' leading to itself");
    }

    private static void RequireCacheOf(Disk disk, BufferCache cache)
    {
        if (cache.Disk != disk) throw new ArgumentException("the buffer cache must be the one over this disk", nameof(cache));
    }
}
