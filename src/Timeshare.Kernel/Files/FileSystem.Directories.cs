using System.Text;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// Directories: files of <see cref="DirectoryEntry"/> slots, each new directory starting with
/// "." (itself) and ".." (its parent; the root's is itself). A directory's link count is the
/// number of entries naming it. A removed directory (no links, still retained) reads as empty.
/// </summary>
public sealed partial class FileSystem
{
    /// <summary>The inode that <paramref name="name"/> names in directory <paramref name="dir"/>, or -errno.</summary>
    public int Lookup(int dir, string name)
    {
        var error = OpenDirectory(dir, name, out var parent);
        if (error < 0) return error;
        error = Find(parent, name, out var entry);
        if (error < 0) return error;
        return _inodes.Load(entry.Inode) is null ? (int)-Errno.IoError : entry.Inode;
    }

    /// <summary>The inode a path names, absolute or relative to <paramref name="cwd"/> (see <see cref="PathWalk"/>): inode or -errno.</summary>
    public int Resolve(string path, int cwd) => PathWalk.Resolve(this, path, cwd);

    /// <summary>The directory to hold the path's last component, and that component's name: inode or -errno.</summary>
    public int ResolveParent(string path, int cwd, out string name) => PathWalk.ResolveParent(this, path, cwd, out name);

    /// <summary>
    /// A new empty file or directory named <paramref name="name"/> in <paramref name="dir"/>, with the
    /// permission bits of <paramref name="mode"/>: its inode number, or -EEXIST, -ENOSPC, ….
    /// </summary>
    public int Create(int dir, string name, InodeType type, int mode)
    {
        if (type == InodeType.None) throw new ArgumentOutOfRangeException(nameof(type), type, "a new inode is a file or a directory");
        var error = OpenDirectory(dir, name, out var parent);
        if (error < 0) return error;
        if (parent.Links == 0) return (int)-Errno.NoEntry;
        error = Find(parent, name, out _);
        if (error != (int)-Errno.NoEntry) return error < 0 ? error : (int)-Errno.Exists;
        if (_inodes.Allocate(type, mode, LinksOfNew(type), _clock()) is not { } inode) return (int)-Errno.NoSpace;
        error = type == InodeType.Directory ? InitializeDirectory(inode, parent) : 0;
        if (error == 0) error = AddEntry(parent, name, inode.Number);
        if (error < 0)
        {
            Destroy(inode);
            return error;
        }
        if (type == InodeType.Directory) SetLinks(parent, parent.Links + 1);
        return inode.Number;
    }

    public int MakeDirectory(int dir, string name, int mode) => Create(dir, name, InodeType.Directory, mode);

    /// <summary>Removes a file's name; the file goes when its last link and last open reference have. 0 or -errno.</summary>
    public int Unlink(int dir, string name)
    {
        var error = OpenDirectory(dir, name, out var parent);
        if (error < 0) return error;
        if (IsDot(name)) return (int)-Errno.IsDirectory;
        error = Find(parent, name, out var entry);
        if (error < 0) return error;
        if (_inodes.Load(entry.Inode) is not { } inode) return (int)-Errno.IoError;
        if (inode.Type == InodeType.Directory) return (int)-Errno.IsDirectory;
        error = RemoveEntry(parent, entry.Index);
        if (error < 0) return error;
        Unlinked(inode, inode.Links - 1);
        return 0;
    }

    /// <summary>Removes an empty directory. 0, or -ENOTEMPTY, -ENOTDIR, -EINVAL for ".", ….</summary>
    public int RemoveDirectory(int dir, string name)
    {
        var error = OpenDirectory(dir, name, out var parent);
        if (error < 0) return error;
        if (name == ".") return (int)-Errno.Invalid;
        if (name == "..") return (int)-Errno.NotEmpty;
        error = Find(parent, name, out var entry);
        if (error < 0) return error;
        if (_inodes.Load(entry.Inode) is not { } inode) return (int)-Errno.IoError;
        if (inode.Type != InodeType.Directory) return (int)-Errno.NotDirectory;
        var other = Search(inode, 0, slot => slot is { } e && !IsDot(e.Name), out _);
        if (other < SlotCount(inode)) return other < 0 ? other : (int)-Errno.NotEmpty;
        error = RemoveEntry(parent, entry.Index);
        if (error < 0) return error;
        SetLinks(parent, parent.Links - 1);
        Unlinked(inode, 0);
        return 0;
    }

    /// <summary>
    /// The first entry of the directory at slot <paramref name="index"/> or after (null at the end):
    /// a reader that resumes at the entry's <see cref="DirectoryEntry.Index"/> + 1 sees every entry once. 0 or -errno.
    /// </summary>
    public int EntryAt(int dir, int index, out DirectoryEntry? entry)
    {
        entry = null;
        if (index < 0) return (int)-Errno.Invalid;
        if (_inodes.Load(dir) is not { } node) return (int)-Errno.IoError;
        if (node.Type != InodeType.Directory) return (int)-Errno.NotDirectory;
        var found = Search(node, index, slot => slot is not null, out entry);
        return Math.Min(found, 0);
    }

    /// <summary>Every entry of the directory in on-disk order, "." and ".." included. 0 or -errno.</summary>
    public int ReadDirectory(int dir, out List<DirectoryEntry> entries)
    {
        entries = [];
        for (var index = 0; ; index = entries[^1].Index + 1)
        {
            var error = EntryAt(dir, index, out var entry);
            if (error < 0 || entry is not { } found) return error;
            entries.Add(found);
        }
    }

    /// <summary>The absolute path of a directory, found by walking ".." up to the root: 0, or -ENOENT once it was removed.</summary>
    public int PathOf(int dir, out string path)
    {
        path = "";
        var names = new List<string>();
        for (var current = dir; current != RootInode;)
        {
            // More steps than inodes means a cycle of ".." on a corrupt disk.
            if (names.Count == InodeCount) return (int)-Errno.IoError;
            var parent = Lookup(current, "..");
            if (parent < 0) return parent;
            if (_inodes.Load(parent) is not { } node) return (int)-Errno.IoError;
            var child = current;
            var found = Search(node, 0, slot => slot is { } e && e.Inode == child && !IsDot(e.Name), out var entry);
            if (found < 0) return found;
            if (entry is not { } named) return (int)-Errno.NoEntry;
            names.Add(named.Name);
            current = parent;
        }
        names.Reverse();
        path = "/" + string.Join('/', names);
        return 0;
    }

    /// <summary>Checks a name and loads the directory it is to be looked up in: 0, or -errno.</summary>
    private int OpenDirectory(int dir, string name, out Inode parent)
    {
        parent = null!;
        if (name.Length == 0) return (int)-Errno.NoEntry;
        if (name.Contains('/') || name.Contains('\0')) return (int)-Errno.Invalid;
        if (Encoding.UTF8.GetByteCount(name) > DirectoryEntry.MaxNameLength) return (int)-Errno.NameTooLong;
        if (_inodes.Load(dir) is not { } node) return (int)-Errno.IoError;
        if (node.Type != InodeType.Directory) return (int)-Errno.NotDirectory;
        parent = node;
        return 0;
    }

    /// <summary>The entry named <paramref name="name"/>: 0, -ENOENT or -EIO.</summary>
    private int Find(Inode dir, string name, out DirectoryEntry entry)
    {
        var found = Search(dir, 0, slot => slot?.Name == name, out var match);
        entry = match.GetValueOrDefault();
        return found < 0 ? found : match is null ? (int)-Errno.NoEntry : 0;
    }

    /// <summary>
    /// The first slot from <paramref name="from"/> whose entry (null when free) satisfies
    /// <paramref name="match"/>: its index with the entry, <see cref="SlotCount"/> if none does, or -EIO.
    /// </summary>
    private int Search(Inode dir, int from, Func<DirectoryEntry?, bool> match, out DirectoryEntry? entry)
    {
        entry = null;
        Span<byte> slot = stackalloc byte[DirectoryEntry.EncodedSize];
        for (var index = from; index < SlotCount(dir); index++)
        {
            var read = Read(dir, (long)index * DirectoryEntry.EncodedSize, slot);
            if (read < 0) return read;
            if (read != slot.Length || !DirectoryEntry.TryDecode(slot, index, InodeCount, out var candidate)) return (int)-Errno.IoError;
            if (!match(candidate)) continue;
            entry = candidate;
            return index;
        }
        return SlotCount(dir);
    }

    private static int SlotCount(Inode dir) => dir.Links == 0 ? 0 : (int)(dir.Size / DirectoryEntry.EncodedSize);

    /// <summary>Writes the entry into the first free slot, or a new one at the end. 0 or -errno.</summary>
    private int AddEntry(Inode dir, string name, int inode)
    {
        var index = Search(dir, 0, slot => slot is null, out _);
        if (index < 0) return index;
        Span<byte> slot = stackalloc byte[DirectoryEntry.EncodedSize];
        DirectoryEntry.Encode(slot, inode, DirectoryEntry.NameBytes(name));
        return WriteSlots(dir, index, slot);
    }

    private int RemoveEntry(Inode dir, int index) => WriteSlots(dir, index, stackalloc byte[DirectoryEntry.EncodedSize]);

    /// <summary>A new file has its one name; a new directory also its own ".".</summary>
    private static int LinksOfNew(InodeType type) => type == InodeType.Directory ? 2 : 1;

    /// <summary>Gives a new directory its "." and ".." entries. 0 or -errno.</summary>
    private int InitializeDirectory(Inode dir, Inode parent)
    {
        Span<byte> slots = stackalloc byte[2 * DirectoryEntry.EncodedSize];
        DirectoryEntry.Encode(slots, dir.Number, "."u8);
        DirectoryEntry.Encode(slots[DirectoryEntry.EncodedSize..], parent.Number, ".."u8);
        return WriteSlots(dir, 0, slots);
    }

    /// <summary>Writes whole slots from slot <paramref name="index"/> on: 0, or -errno (a slot is never half written: slots divide blocks).</summary>
    private int WriteSlots(Inode dir, int index, ReadOnlySpan<byte> slots)
    {
        if ((long)index * DirectoryEntry.EncodedSize + slots.Length > MaxFileSize) return (int)-Errno.FileTooBig;
        var written = Write(dir, (long)index * DirectoryEntry.EncodedSize, slots);
        return written < 0 ? written : 0;
    }

    private void SetLinks(Inode inode, int links)
    {
        inode.Links = links;
        _inodes.Store(inode);
    }

    /// <summary>Sets the link count after removing a name; with no link and no open reference left the inode goes.</summary>
    private void Unlinked(Inode inode, int links)
    {
        inode.Links = links;
        if (links == 0 && !IsRetained(inode.Number)) Destroy(inode);
        else _inodes.Store(inode);
    }

    private static bool IsDot(string name) => name is "." or "..";
}
