using System.Diagnostics;
using Timeshare.Kernel.Files;
using Timeshare.Machine.Devices;
using static Timeshare.Kernel.Tests.Files.TestDisk;

namespace Timeshare.Kernel.Tests.Files;

/// <summary>Host folders with Unix modes, symbolic links and FIFOs: the tests need a Unix host.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostFolderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("timeshare-fs-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Host(string name) => Path.Combine(_temp, name);

    private static readonly byte[] Binary = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7 + i / 256)).ToArray();

    /// <summary>A tree with nested directories, a binary file past the direct blocks, an empty file, an executable and an empty directory.</summary>
    private string SampleTree()
    {
        var root = Host("in");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        Directory.CreateDirectory(Path.Combine(root, "usr", "share", "empty"));
        File.WriteAllBytes(Path.Combine(root, "bin", "tool"), Binary);
        File.SetUnixFileMode(Path.Combine(root, "bin", "tool"), (UnixFileMode)0x1ed);
        File.WriteAllText(Path.Combine(root, "usr", "share", "readme"), "read me\n");
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        File.WriteAllText(Path.Combine(root, "b"), "b");
        File.WriteAllText(Path.Combine(root, "a"), "a");
        return root;
    }

    [Fact]
    public void A_tree_imports_in_name_order_with_contents_and_modes()
    {
        var t = new TestDisk(blocks: 1024);
        HostFolder.Import(t.Fs, SampleTree());
        Assert.Equal([".", "..", "a", "b", "bin", "empty", "usr"], t.Names(Root));
        var tool = t.Fs.Resolve("/bin/tool", Root);
        Assert.Equal(Binary, t.Contents(tool));
        Assert.Equal(0, t.Fs.Stat(tool, out var stat));
        Assert.Equal(HostFolder.ExecutableMode, stat.Mode);
        Assert.Equal(0, t.Fs.Stat(t.Fs.Resolve("/a", Root), out stat));
        Assert.Equal(HostFolder.FileMode, stat.Mode);
        Assert.Empty(t.Contents(t.Fs.Resolve("/empty", Root)));
        Assert.Equal("read me\n", t.Text(t.Fs.Resolve("/usr/share/readme", Root)));
        Assert.Equal([".", ".."], t.Names(t.Fs.Resolve("/usr/share/empty", Root)));
        t.AssertConsistent();
    }

    [Fact]
    public void Export_writes_back_the_same_tree()
    {
        var source = SampleTree();
        var fs = HostFolder.Build(source, freeBlocks: 16);
        var target = Host("out");
        HostFolder.Export(fs, target);
        Assert.Equal(Listing(source), Listing(target));
        Assert.Equal(Binary, File.ReadAllBytes(Path.Combine(target, "bin", "tool")));
        Assert.Equal("read me\n", File.ReadAllText(Path.Combine(target, "usr", "share", "readme")));
        Assert.Empty(File.ReadAllBytes(Path.Combine(target, "empty")));
        Assert.Equal((UnixFileMode)0x1ed, File.GetUnixFileMode(Path.Combine(target, "bin", "tool")));
        Assert.Equal((UnixFileMode)0x1a4, File.GetUnixFileMode(Path.Combine(target, "a")));
    }

    private static string[] Listing(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path) + (File.Exists(path) ? $" {new FileInfo(path).Length}" : "/"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Build_sizes_the_disk_for_the_content_plus_the_free_blocks_asked_for()
    {
        var fs = HostFolder.Build(SampleTree(), freeBlocks: 10);
        Assert.Equal(10, fs.CountFreeBlocks());
        Assert.Empty(fs.Check());
        Assert.Equal(0, HostFolder.Build(SampleTree(), freeBlocks: 0).CountFreeBlocks());
    }

    [Fact]
    public void The_same_folder_always_builds_the_same_image()
    {
        static byte[] ImageOf(FileSystem fs)
        {
            var image = new MemoryStream();
            fs.Cache.Disk.Save(image);
            return image.ToArray();
        }
        var tree = SampleTree();
        Assert.Equal(ImageOf(HostFolder.Build(tree, 4)), ImageOf(HostFolder.Build(tree, 4)));
    }

    [Fact]
    public void Symbolic_links_and_fifos_are_skipped()
    {
        var root = Host("links");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "real"), "r");
        File.CreateSymbolicLink(Path.Combine(root, "link"), "real");
        Directory.CreateSymbolicLink(Path.Combine(root, "dirlink"), "/");
        var fifo = Process.Start("mkfifo", Path.Combine(root, "fifo"));
        fifo.WaitForExit();
        Assert.Equal(0, fifo.ExitCode);
        var t = new TestDisk();
        HostFolder.Import(t.Fs, root);
        Assert.Equal([".", "..", "real"], t.Names(Root));
    }

    [Fact]
    public void Content_that_does_not_fit_fails_with_a_one_line_reason()
    {
        var root = Host("big");
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "huge"), new byte[200 * Disk.BlockSize]);
        var t = new TestDisk(blocks: 128);
        var error = Assert.Throws<DiskImageError>(() => HostFolder.Import(t.Fs, root));
        Assert.Equal("cannot copy /huge: the disk is full", error.Message);
    }

    [Fact]
    public void A_name_too_long_for_a_directory_entry_fails_with_a_one_line_reason()
    {
        var root = Host("names");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, new string('x', DirectoryEntry.MaxNameLength + 1)), "");
        var error = Assert.Throws<DiskImageError>(() => HostFolder.Build(root, 0));
        Assert.Contains("a name holds at most 59 bytes", error.Message);
    }

    [Fact]
    public void Importing_again_replaces_files_and_keeps_directories()
    {
        var t = new TestDisk(blocks: 1024);
        var tree = SampleTree();
        HostFolder.Import(t.Fs, tree);
        var free = t.Fs.CountFreeBlocks();
        File.WriteAllText(Path.Combine(tree, "bin", "tool"), "short");
        HostFolder.Import(t.Fs, tree);
        Assert.Equal("short", t.Text(t.Fs.Resolve("/bin/tool", Root)));
        Assert.True(t.Fs.CountFreeBlocks() > free);
        t.AssertConsistent();
    }
}
