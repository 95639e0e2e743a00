using System.Text;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;
using static Timeshare.Kernel.Tests.Files.TestDisk;

namespace Timeshare.Kernel.Tests.Files;

public class FileSystemTests
{
    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void A_formatted_disk_has_an_empty_root_whose_dot_dot_is_itself()
    {
        var t = new TestDisk();
        Assert.Equal([".", ".."], t.Names(Root));
        Assert.Equal(Root, t.Fs.Lookup(Root, ".."));
        Assert.Equal(0, t.Fs.Stat(Root, out var stat));
        Assert.Equal((InodeType.Directory, 2, FileSystem.DirectoryMode, 1), (stat.Type, stat.Links, stat.Mode, stat.Blocks));
        t.AssertConsistent();
    }

    [Fact]
    public void Files_survive_saving_and_loading_the_image()
    {
        var t = new TestDisk();
        t.Directory("/etc");
        t.File("/etc/motd", "hello, disk\n");
        var big = Pattern(100_000, 1);
        var data = t.File("/data");
        Assert.Equal(big.Length, t.Fs.WriteAt(data, 0, big));
        t.Fs.Flush();
        var image = new MemoryStream();
        t.Disk.Save(image);
        image.Position = 0;

        var disk = Disk.Load(image);
        var fs = FileSystem.Mount(disk, new BufferCache(disk, 8));
        var motd = fs.Resolve("/etc/motd", Root);
        var bytes = new byte[64];
        Assert.Equal(12, fs.ReadAt(motd, 0, bytes));
        Assert.Equal("hello, disk\n", Encoding.UTF8.GetString(bytes, 0, 12));
        var copy = new byte[big.Length];
        Assert.Equal(big.Length, fs.ReadAt(fs.Resolve("/data", Root), 0, copy));
        Assert.Equal(big, copy);
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void Unflushed_writes_are_not_on_the_disk()
    {
        var t = new TestDisk(cacheBlocks: 64);
        t.File("/f", "x");
        var image = new MemoryStream();
        t.Disk.Save(image);
        image.Position = 0;
        var disk = Disk.Load(image);
        var fs = FileSystem.Mount(disk, new BufferCache(disk, 8));
        Assert.Equal(Err(Errno.NoEntry), fs.Resolve("/f", Root));
    }

    [Fact]
    public void Overwriting_in_the_middle_keeps_the_rest()
    {
        var t = new TestDisk();
        var f = t.File("/f", "0123456789");
        Assert.Equal(3, t.Fs.WriteAt(f, 4, "abc"u8));
        Assert.Equal("0123abc789", t.Text(f));
    }

    [Fact]
    public void A_file_grows_through_the_direct_blocks_into_the_indirect_block()
    {
        var t = new TestDisk(blocks: 2048);
        var f = t.File("/big");
        var free = t.Fs.CountFreeBlocks();
        var bytes = Pattern(20 * Disk.BlockSize + 123, 2);
        // Written in odd-sized pieces so that writes straddle block boundaries.
        for (var at = 0; at < bytes.Length; at += 5000)
            Assert.Equal(Math.Min(5000, bytes.Length - at), t.Fs.WriteAt(f, at, bytes.AsSpan(at, Math.Min(5000, bytes.Length - at))));
        Assert.Equal(bytes, t.Contents(f));
        Assert.Equal(0, t.Fs.Stat(f, out var stat));
        Assert.Equal(21 + 1, stat.Blocks); // 21 data blocks and the indirect block
        Assert.Equal(free - 22, t.Fs.CountFreeBlocks());
        t.AssertConsistent();
    }

    [Fact]
    public void A_file_holds_4_MiB_and_no_more()
    {
        var t = new TestDisk(blocks: 1400);
        var f = t.File("/max");
        var bytes = Pattern((int)FileSystem.MaxFileSize, 3);
        Assert.True(FileSystem.MaxFileSize >= 4 << 20);
        Assert.Equal(bytes.Length, t.Fs.WriteAt(f, 0, bytes));
        Assert.Equal(bytes, t.Contents(f));
        Assert.Equal(Err(Errno.FileTooBig), t.Fs.WriteAt(f, FileSystem.MaxFileSize, "x"u8));
        Assert.Equal(2, t.Fs.WriteAt(f, FileSystem.MaxFileSize - 2, "xyz"u8));
        Assert.Equal(Err(Errno.FileTooBig), t.Fs.Truncate(f, FileSystem.MaxFileSize + 1));
        t.AssertConsistent();
    }

    [Fact]
    public void Reading_at_or_past_the_end_returns_zero_bytes()
    {
        var t = new TestDisk();
        var f = t.File("/f", "abc");
        var into = new byte[10];
        Assert.Equal(1, t.Fs.ReadAt(f, 2, into));
        Assert.Equal(0, t.Fs.ReadAt(f, 3, into));
        Assert.Equal(0, t.Fs.ReadAt(f, 1000, into));
        Assert.Equal(Err(Errno.Invalid), t.Fs.ReadAt(f, -1, into));
    }

    [Fact]
    public void A_write_past_the_end_leaves_a_hole_that_reads_as_zeros_and_takes_no_block()
    {
        var t = new TestDisk();
        var f = t.File("/sparse");
        Assert.Equal(1, t.Fs.WriteAt(f, 5 * Disk.BlockSize, "x"u8));
        var contents = t.Contents(f);
        Assert.Equal(5 * Disk.BlockSize + 1, contents.Length);
        Assert.All(contents[..^1], b => Assert.Equal(0, b));
        Assert.Equal(0, t.Fs.Stat(f, out var stat));
        Assert.Equal(1, stat.Blocks);
        t.AssertConsistent();
    }

    [Fact]
    public void Truncating_frees_the_blocks_past_the_new_end_and_zeros_the_tail()
    {
        var t = new TestDisk(blocks: 1024);
        var free = t.Fs.CountFreeBlocks();
        var f = t.File("/f");
        Assert.Equal(40_000, t.Fs.WriteAt(f, 0, Pattern(40_000, 4)));
        Assert.Equal(0, t.Fs.Truncate(f, 100));
        Assert.Equal(free - 1, t.Fs.CountFreeBlocks());
        Assert.Equal(0, t.Fs.Truncate(f, 5000));
        var contents = t.Contents(f);
        Assert.Equal(5000, contents.Length);
        Assert.Equal(Pattern(40_000, 4)[..100], contents[..100]);
        Assert.All(contents[100..], b => Assert.Equal(0, b));
        Assert.Equal(0, t.Fs.Truncate(f, 0));
        Assert.Equal(free, t.Fs.CountFreeBlocks());
        t.AssertConsistent();
    }

    [Fact]
    public void Unlinking_frees_the_inode_and_its_blocks()
    {
        var t = new TestDisk();
        var (blocks, inodes) = (t.Fs.CountFreeBlocks(), t.Fs.CountFreeInodes());
        var f = t.File("/f", new string('x', 60_000));
        Assert.True(t.Fs.CountFreeBlocks() < blocks);
        Assert.Equal(0, t.Fs.Unlink(Root, "f"));
        Assert.Equal((blocks, inodes), (t.Fs.CountFreeBlocks(), t.Fs.CountFreeInodes()));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Lookup(Root, "f"));
        Assert.Equal(InodeType.None, t.Fs.TypeOf(f));
        t.AssertConsistent();
    }

    [Fact]
    public void An_unlinked_file_stays_readable_while_retained()
    {
        var t = new TestDisk();
        var blocks = t.Fs.CountFreeBlocks();
        var f = t.File("/tmp", "still here");
        t.Fs.Retain(f);
        t.Fs.Retain(f);
        Assert.Equal(0, t.Fs.Unlink(Root, "tmp"));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Lookup(Root, "tmp"));
        Assert.Equal("still here", t.Text(f));
        Assert.Equal(4, t.Fs.WriteAt(f, 0, "STIL"u8));
        t.AssertConsistent();
        t.Fs.Release(f);
        Assert.Equal("STILl here", t.Text(f));
        t.Fs.Release(f);
        Assert.Equal(InodeType.None, t.Fs.TypeOf(f));
        Assert.Equal(blocks, t.Fs.CountFreeBlocks());
        Assert.Throws<KernelBugException>(() => t.Fs.Release(f));
        t.AssertConsistent();
    }

    [Fact]
    public void Releasing_a_linked_file_keeps_it()
    {
        var t = new TestDisk();
        var f = t.File("/f", "kept");
        t.Fs.Retain(f);
        t.Fs.Release(f);
        Assert.Equal("kept", t.Text(f));
    }

    [Fact]
    public void Creating_an_existing_name_fails_with_EEXIST()
    {
        var t = new TestDisk();
        t.File("/f");
        t.Directory("/d");
        Assert.Equal(Err(Errno.Exists), t.Fs.Create(Root, "f", InodeType.File, 0x1a4));
        Assert.Equal(Err(Errno.Exists), t.Fs.MakeDirectory(Root, "d", 0x1ed));
        Assert.Equal(Err(Errno.Exists), t.Fs.MakeDirectory(Root, ".", 0x1ed));
    }

    [Fact]
    public void Mkdir_links_the_new_directory_both_ways_and_rmdir_undoes_it()
    {
        var t = new TestDisk();
        var (blocks, inodes) = (t.Fs.CountFreeBlocks(), t.Fs.CountFreeInodes());
        var d = t.Directory("/d");
        Assert.Equal([".", ".."], t.Names(d));
        Assert.Equal(Root, t.Fs.Lookup(d, ".."));
        Assert.Equal(d, t.Fs.Lookup(d, "."));
        Assert.Equal(0, t.Fs.Stat(Root, out var root));
        Assert.Equal(3, root.Links);
        Assert.Equal(0, t.Fs.Stat(d, out var stat));
        Assert.Equal(2, stat.Links);
        t.AssertConsistent();
        Assert.Equal(0, t.Fs.RemoveDirectory(Root, "d"));
        Assert.Equal(0, t.Fs.Stat(Root, out root));
        Assert.Equal(2, root.Links);
        Assert.Equal((blocks, inodes), (t.Fs.CountFreeBlocks(), t.Fs.CountFreeInodes()));
        t.AssertConsistent();
    }

    [Fact]
    public void Rmdir_refuses_a_non_empty_directory_a_file_and_the_dots()
    {
        var t = new TestDisk();
        t.Directory("/d");
        t.File("/d/f");
        t.File("/g");
        Assert.Equal(Err(Errno.NotEmpty), t.Fs.RemoveDirectory(Root, "d"));
        Assert.Equal(Err(Errno.NotDirectory), t.Fs.RemoveDirectory(Root, "g"));
        Assert.Equal(Err(Errno.Invalid), t.Fs.RemoveDirectory(Root, "."));
        Assert.Equal(Err(Errno.NotEmpty), t.Fs.RemoveDirectory(Root, ".."));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.RemoveDirectory(Root, "nope"));
        Assert.Equal(Err(Errno.IsDirectory), t.Fs.Unlink(Root, "d"));
        Assert.Equal(0, t.Fs.Unlink(t.Fs.Resolve("/d", Root), "f"));
        Assert.Equal(0, t.Fs.RemoveDirectory(Root, "d"));
        t.AssertConsistent();
    }

    [Fact]
    public void A_removed_directory_that_is_still_retained_reads_as_empty_and_takes_no_new_names()
    {
        var t = new TestDisk();
        var d = t.Directory("/d");
        t.Fs.Retain(d);
        Assert.Equal(0, t.Fs.RemoveDirectory(Root, "d"));
        Assert.Empty(t.Names(d));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Lookup(d, ".."));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Create(d, "f", InodeType.File, 0x1a4));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.PathOf(d, out _));
        t.AssertConsistent();
        t.Fs.Release(d);
        Assert.Equal(InodeType.None, t.Fs.TypeOf(d));
        t.AssertConsistent();
    }

    [Fact]
    public void Files_and_directories_refuse_each_others_operations()
    {
        var t = new TestDisk();
        var f = t.File("/f", "x");
        var d = t.Directory("/d");
        Assert.Equal(Err(Errno.IsDirectory), t.Fs.ReadAt(d, 0, new byte[4]));
        Assert.Equal(Err(Errno.IsDirectory), t.Fs.WriteAt(d, 0, "x"u8));
        Assert.Equal(Err(Errno.IsDirectory), t.Fs.Truncate(d, 0));
        Assert.Equal(Err(Errno.NotDirectory), t.Fs.Lookup(f, "x"));
        Assert.Equal(Err(Errno.NotDirectory), t.Fs.Create(f, "x", InodeType.File, 0));
        Assert.Equal(Err(Errno.NotDirectory), t.Fs.ReadDirectory(f, out _));
        Assert.Equal(Err(Errno.NotDirectory), t.Fs.PathOf(f, out _));
    }

    [Fact]
    public void Directory_entries_list_in_slot_order_and_a_freed_slot_is_reused()
    {
        var t = new TestDisk();
        foreach (var name in new[] { "c", "a", "b" }) t.File("/" + name);
        Assert.Equal([".", "..", "c", "a", "b"], t.Names(Root));
        Assert.Equal(0, t.Fs.Unlink(Root, "a"));
        Assert.Equal([".", "..", "c", "b"], t.Names(Root));
        t.File("/z");
        Assert.Equal([".", "..", "c", "z", "b"], t.Names(Root));
    }

    [Fact]
    public void A_reader_resumes_after_the_index_of_the_last_entry_it_saw()
    {
        var t = new TestDisk();
        for (var i = 0; i < 100; i++) t.File($"/file{i:d3}");
        Assert.Equal(0, t.Fs.Unlink(Root, "file010"));
        var seen = new List<string>();
        var cookie = 0;
        while (t.Fs.EntryAt(Root, cookie, out var entry) == 0 && entry is { } found)
        {
            seen.Add(found.Name);
            cookie = found.Index + 1;
            // Removing an entry already seen does not disturb the rest of the listing.
            if (found.Name == "file050") Assert.Equal(0, t.Fs.Unlink(Root, "file049"));
        }
        Assert.Equal(101, seen.Count);
        Assert.DoesNotContain("file010", seen);
        Assert.Equal("file099", seen[^1]);
        Assert.Equal(0, t.Fs.EntryAt(Root, cookie + 5, out var end));
        Assert.Null(end);
        Assert.Equal(Err(Errno.Invalid), t.Fs.EntryAt(Root, -1, out _));
    }

    [Fact]
    public void A_directory_grows_past_its_direct_blocks()
    {
        var t = new TestDisk(blocks: 1024, inodes: 1024);
        var d = t.Directory("/many");
        var count = EntriesPerBlock * 13;
        for (var i = 0; i < count; i++) Assert.True(t.Fs.Create(d, $"n{i}", InodeType.File, 0x1a4) > 0);
        Assert.Equal(count + 2, t.Names(d).Length);
        Assert.True(t.Fs.Lookup(d, $"n{count - 1}") > 0);
        t.AssertConsistent();
    }

    private const int EntriesPerBlock = Disk.BlockSize / DirectoryEntry.EncodedSize;

    [Fact]
    public void Path_of_a_directory_walks_up_to_the_root()
    {
        var t = new TestDisk();
        t.Directory("/usr");
        t.Directory("/usr/local");
        var bin = t.Directory("/usr/local/bin");
        Assert.Equal(0, t.Fs.PathOf(bin, out var path));
        Assert.Equal("/usr/local/bin", path);
        Assert.Equal(0, t.Fs.PathOf(Root, out path));
        Assert.Equal("/", path);
    }

    [Fact]
    public void Modification_times_come_from_the_simulated_clock()
    {
        long now = 1000;
        var t = new TestDisk(clock: () => now);
        var f = t.File("/f");
        Assert.Equal(0, t.Fs.Stat(f, out var stat));
        Assert.Equal(1000, stat.MTime);
        now = 5000;
        t.Fs.WriteAt(f, 0, "x"u8);
        Assert.Equal(0, t.Fs.Stat(f, out stat));
        Assert.Equal(5000, stat.MTime);
        Assert.Equal(0, t.Fs.Stat(Root, out var root));
        Assert.Equal(1000, root.MTime);
        now = 7000;
        t.Fs.Truncate(f, 0);
        Assert.Equal(0, t.Fs.Stat(f, out stat));
        Assert.Equal(7000, stat.MTime);
    }

    [Fact]
    public void Names_are_checked_before_anything_else()
    {
        var t = new TestDisk();
        var longest = new string('n', DirectoryEntry.MaxNameLength);
        Assert.True(t.Fs.Create(Root, longest, InodeType.File, 0) > 0);
        Assert.Equal(Err(Errno.NameTooLong), t.Fs.Create(Root, longest + "n", InodeType.File, 0));
        Assert.Equal(Err(Errno.NameTooLong), t.Fs.Lookup(Root, longest + "n"));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Create(Root, "", InodeType.File, 0));
        Assert.Equal(Err(Errno.Invalid), t.Fs.Create(Root, "a/b", InodeType.File, 0));
        // Length counts UTF-8 bytes: 30 two-byte letters are 60 bytes.
        Assert.Equal(Err(Errno.NameTooLong), t.Fs.Create(Root, new string('é', 30), InodeType.File, 0));
        Assert.True(t.Fs.Create(Root, "héllo", InodeType.File, 0) > 0);
        Assert.Contains("héllo", t.Names(Root));
    }

    [Fact]
    public void Mode_keeps_only_the_permission_bits()
    {
        var t = new TestDisk();
        var f = t.Fs.Create(Root, "x", InodeType.File, 0x81ed); // S_IFREG | 0755
        Assert.Equal(0, t.Fs.Stat(f, out var stat));
        Assert.Equal(0x1ed, stat.Mode);
    }

    [Fact]
    public void A_full_disk_fails_with_ENOSPC_after_a_short_write_and_stays_consistent()
    {
        var t = new TestDisk(blocks: 64);
        var f = t.File("/fill");
        var free = t.Fs.CountFreeBlocks();
        var bytes = Pattern(64 * Disk.BlockSize, 5);
        var written = t.Fs.WriteAt(f, 0, bytes);
        // The free blocks hold the data, less the indirect block once past the direct ones.
        Assert.Equal((free - 1) * Disk.BlockSize, written);
        Assert.Equal(0, t.Fs.CountFreeBlocks());
        Assert.Equal(Err(Errno.NoSpace), t.Fs.WriteAt(f, written, "x"u8));
        Assert.Equal(Err(Errno.NoSpace), t.Fs.MakeDirectory(Root, "d", 0x1ed));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Lookup(Root, "d"));
        Assert.Equal(bytes[..written], t.Contents(f));
        t.AssertConsistent();
        Assert.Equal(0, t.Fs.Truncate(f, 0));
        Assert.Equal(free, t.Fs.CountFreeBlocks());
        t.AssertConsistent();
    }

    [Fact]
    public void Running_out_of_inodes_fails_with_ENOSPC()
    {
        var t = new TestDisk(inodes: 4); // 0 reserved, 1 root
        t.File("/a");
        t.File("/b");
        Assert.Equal(Err(Errno.NoSpace), t.Fs.Create(Root, "c", InodeType.File, 0));
        Assert.Equal(Err(Errno.NoEntry), t.Fs.Lookup(Root, "c"));
        t.AssertConsistent();
    }

    [Fact]
    public void Check_reports_a_block_marked_free_while_in_use()
    {
        var t = new TestDisk();
        t.File("/f", "data");
        t.Fs.Flush();
        // Clear the data bitmap on the disk behind the file system's back, then remount.
        var image = new MemoryStream();
        t.Disk.Save(image);
        var bytes = image.ToArray();
        var dataBitmap = Disk.BlockSize * 2; // superblock, one inode bitmap block, then the data bitmap
        Array.Clear(bytes, dataBitmap, Disk.BlockSize);
        var disk = Disk.Load(new MemoryStream(bytes));
        var fs = FileSystem.Mount(disk, new BufferCache(disk, 8));
        var problems = fs.Check();
        Assert.Contains(problems, p => p.StartsWith("block 0: in use"));
        Assert.Contains(problems, p => p.Contains("in use but the bitmap disagrees"));
    }

    [Fact]
    public void Every_block_an_operation_touches_goes_through_the_cache()
    {
        var t = new TestDisk(blocks: 1024, cacheBlocks: 4);
        var f = t.File("/f");
        t.Fs.WriteAt(f, 0, Pattern(30 * Disk.BlockSize, 6));
        t.Fs.Flush();
        var reads = t.Disk.Reads;
        var misses = t.Cache.Misses;
        t.Fs.ReadAt(f, 0, new byte[30 * Disk.BlockSize]);
        Assert.True(t.Cache.Misses - misses >= 30 - 4);
        Assert.Equal(t.Cache.Misses - misses, t.Disk.Reads - reads);
        // Read again with a cache big enough to hold it all: the second pass hits.
        var disk = t.Disk;
        var cache = new BufferCache(disk, 64);
        var fs = FileSystem.Mount(disk, cache);
        var g = fs.Resolve("/f", Root);
        fs.ReadAt(g, 0, new byte[30 * Disk.BlockSize]);
        var first = cache.Misses;
        fs.ReadAt(g, 0, new byte[30 * Disk.BlockSize]);
        Assert.Equal(first, cache.Misses);
        Assert.Equal(first, disk.Reads - reads - (t.Cache.Misses - misses));
    }
}
