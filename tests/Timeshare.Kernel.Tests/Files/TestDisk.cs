using System.Text;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Tests.Files;

/// <summary>A freshly formatted disk, its cache and its file system, with shorthands for the tests.</summary>
internal sealed class TestDisk
{
    public const int Root = FileSystem.RootInode;

    public TestDisk(int blocks = 512, int cacheBlocks = 32, Func<long>? clock = null, int inodes = 0)
    {
        Disk = new Disk(blocks);
        Cache = new BufferCache(Disk, cacheBlocks);
        Fs = FileSystem.Format(Disk, Cache, clock, inodes);
    }

    public Disk Disk { get; }
    public BufferCache Cache { get; }
    public FileSystem Fs { get; }

    public static int Err(long errno) => (int)-errno;

    /// <summary>Creates (or finds) a file at an absolute path and writes the text into it.</summary>
    public int File(string path, string text = "", int mode = 0x1a4)
    {
        var dir = Fs.ResolveParent(path, Root, out var name);
        Assert.True(dir > 0, $"parent of {path}: {dir}");
        var inode = Fs.Create(dir, name, InodeType.File, mode);
        Assert.True(inode > 0, $"create {path}: {inode}");
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, Fs.WriteAt(inode, 0, bytes));
        return inode;
    }

    public int Directory(string path)
    {
        var dir = Fs.ResolveParent(path, Root, out var name);
        Assert.True(dir > 0, $"parent of {path}: {dir}");
        var inode = Fs.MakeDirectory(dir, name, FileSystem.DirectoryMode);
        Assert.True(inode > 0, $"mkdir {path}: {inode}");
        return inode;
    }

    public byte[] Contents(int inode)
    {
        Assert.Equal(0, Fs.Stat(inode, out var stat));
        var bytes = new byte[stat.Size];
        Assert.Equal(bytes.Length, Fs.ReadAt(inode, 0, bytes));
        return bytes;
    }

    public string Text(int inode) => Encoding.UTF8.GetString(Contents(inode));

    public string[] Names(int dir)
    {
        Assert.Equal(0, Fs.ReadDirectory(dir, out var entries));
        return entries.Select(e => e.Name).ToArray();
    }

    public void AssertConsistent() => Assert.Empty(Fs.Check());
}
