using System.Buffers.Binary;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;
using static Timeshare.Kernel.Tests.Files.TestDisk;

namespace Timeshare.Kernel.Tests.Files;

public class CorruptImageTests
{
    // A 512-block disk has 128 inodes: superblock, inode bitmap, data bitmap, then 4 blocks of inodes.
    private const int InodeTable = 3 * Disk.BlockSize;
    private const int RootInodeOffset = InodeTable + FileSystem.RootInode * 128;

    private static readonly long[] FileErrors =
        [Errno.NoEntry, Errno.IoError, Errno.Exists, Errno.NotDirectory, Errno.IsDirectory, Errno.Invalid,
         Errno.FileTooBig, Errno.NoSpace, Errno.NameTooLong, Errno.NotEmpty];

    /// <summary>A valid image with nested directories, small files and a file reaching into its indirect block.</summary>
    private static byte[] ValidImage()
    {
        var t = new TestDisk(blocks: 512);
        t.Directory("/bin");
        t.Directory("/home");
        t.Directory("/home/user");
        t.File("/bin/hello", "#!hello");
        t.File("/home/user/notes", new string('n', 9000));
        var big = t.File("/big");
        Assert.True(t.Fs.WriteAt(big, 0, new byte[20 * Disk.BlockSize]) > 0);
        t.Fs.Flush();
        var image = new MemoryStream();
        t.Disk.Save(image);
        return image.ToArray();
    }

    private static FileSystem Mount(byte[] image)
    {
        var disk = Disk.Load(new MemoryStream(image));
        return FileSystem.Mount(disk, new BufferCache(disk, 8));
    }

    private static byte[] With(Action<byte[]> corrupt)
    {
        var image = ValidImage();
        corrupt(image);
        return image;
    }

    public static TheoryData<string, byte[], string> Unmountable() => new()
    {
        { "empty", [], "empty" },
        { "zeros", new byte[8 * Disk.BlockSize], "bad magic" },
        { "bad magic", With(i => i[0] ^= 1), "bad magic" },
        { "future version", With(i => i[4] = 9), "version 9" },
        { "truncated image", ValidImage()[..(100 * Disk.BlockSize)], "says 512 blocks but the disk has 100" },
        { "no inodes", With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(12), 1)), "no room for the root" },
        { "huge inode count", With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(12), uint.MaxValue)), "inode table runs past the end of the disk" },
        { "inode table fills the disk", With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(12), 510 * 32)), "inode table runs past the end of the disk" },
        { "root marked free", With(i => i[Disk.BlockSize] &= 0xfd), "root directory's inode is marked free" },
        { "root is a file", With(i => i[RootInodeOffset] = 1), "not a sane directory" },
        { "root size not whole entries", With(i => i[RootInodeOffset + 8] = 3), "not a sane directory" },
        { "root block out of range", With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(RootInodeOffset + 24), 9999)), "not a sane directory" },
        { "root without '..'", With(i => Array.Clear(i, 7 * Disk.BlockSize + 64, 64)), "no '..'" },
    };

    [Theory]
    [MemberData(nameof(Unmountable))]
    public void An_unusable_image_fails_to_mount_with_a_one_line_reason(string what, byte[] image, string reason)
    {
        var error = Assert.Throws<DiskImageError>(() => Mount(image));
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.NotEmpty(what);
    }

    // Inodes in creation order: 1 root, 2 /bin, 3 /home, 4 /home/user, 5 /bin/hello, 6 notes, 7 /big.
    private static int InodeOffset(int number) => InodeTable + number * 128;

    [Fact]
    public void A_file_whose_inode_points_outside_the_disk_fails_with_EIO()
    {
        var fs = Mount(With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(InodeOffset(5) + 24), 9999)));
        Assert.Equal(Err(Errno.IoError), fs.Resolve("/bin/hello", Root));
        Assert.Equal(Err(Errno.IoError), fs.Stat(5, out _));
        Assert.Equal(Err(Errno.IoError), fs.ReadAt(5, 0, new byte[8]));
        Assert.Contains(fs.Check(), p => p == "inode 5: corrupt");
    }

    [Fact]
    public void A_corrupt_indirect_block_fails_reads_past_the_direct_blocks_with_EIO()
    {
        // Point /big's indirect pointer at the root directory's block, whose words are no data blocks.
        var fs = Mount(With(i => BinaryPrimitives.WriteUInt32LittleEndian(i.AsSpan(InodeOffset(7) + 72), 7)));
        var big = fs.Resolve("/big", Root);
        Assert.Equal(7, big);
        Assert.Equal(Disk.BlockSize, fs.ReadAt(big, 0, new byte[Disk.BlockSize]));
        Assert.Equal(Err(Errno.IoError), fs.ReadAt(big, 13 * Disk.BlockSize, new byte[8]));
        Assert.Equal(Err(Errno.IoError), fs.Stat(big, out _));
    }

    [Fact]
    public void An_entry_naming_a_free_inode_fails_with_EIO()
    {
        var fs = Mount(With(i => Array.Clear(i, InodeOffset(5), 128)));
        Assert.Equal(Err(Errno.IoError), fs.Lookup(fs.Resolve("/bin", Root), "hello"));
        Assert.Contains(fs.Check(), p => p.Contains("names free or corrupt inode 5"));
    }

    [Fact]
    public void A_valid_image_mounts_clean()
    {
        Assert.Empty(Mount(ValidImage()).Check());
    }

    [Fact]
    public void Random_corruption_never_throws_anything_but_DiskImageError_and_operations_fail_with_errnos()
    {
        var valid = ValidImage();
        var (mounted, refused) = (0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var image = Corrupt(valid, new Random(seed));
            FileSystem fs;
            try
            {
                fs = Mount(image);
            }
            catch (DiskImageError)
            {
                refused++;
                continue;
            }
            mounted++;
            var failure = Record.Exception(() => Exercise(fs));
            Assert.True(failure is null, $"seed {seed}: {failure}");
        }
        // Both outcomes must be exercised for the test to mean anything.
        Assert.True(mounted > 50 && refused > 20, $"mounted {mounted}, refused {refused}");
    }

    /// <summary>Damages metadata mostly: bytes of the first blocks, whole random blocks, or directory blocks.</summary>
    private static byte[] Corrupt(byte[] valid, Random random)
    {
        var image = (byte[])valid.Clone();
        var hits = random.Next(1, 12);
        for (var i = 0; i < hits; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    image[random.Next(7 * Disk.BlockSize)] = (byte)random.Next(256);
                    break;
                case 1:
                    image[InodeTable + random.Next(8 * 128)] = (byte)random.Next(256);
                    break;
                case 2:
                    random.NextBytes(image.AsSpan(random.Next(1, 20) * Disk.BlockSize, Disk.BlockSize));
                    break;
                default:
                    image[7 * Disk.BlockSize + random.Next(Disk.BlockSize * 6)] = (byte)random.Next(256);
                    break;
            }
        }
        return image;
    }

    /// <summary>Walks the whole tree and changes it; every result must be a value or a known errno.</summary>
    private static void Exercise(FileSystem fs)
    {
        var seen = new HashSet<int>();
        Walk(fs, FileSystem.RootInode, seen, depth: 0);
        Expect(fs.Resolve("/home/user/notes", Root));
        var dir = Expect(fs.ResolveParent("/home/user/new", Root, out var name));
        if (dir > 0)
        {
            var created = Expect(fs.Create(dir, name, InodeType.File, 0x1a4));
            if (created > 0) Expect(fs.WriteAt(created, 5000, new byte[70_000]));
        }
        Expect(fs.MakeDirectory(Root, "made", 0x1ed));
        Expect(fs.Unlink(Root, "big"));
        Expect(fs.RemoveDirectory(Root, "bin"));
        var notes = fs.Resolve("/home/user/notes", Root);
        if (notes > 0)
        {
            fs.Retain(notes);
            Expect(fs.Unlink(fs.Resolve("/home/user", Root) is var user and > 0 ? user : Root, "notes"));
            Expect(fs.Truncate(notes, 10));
            fs.Release(notes);
        }
        fs.Check();
        fs.Flush();
    }

    private static void Walk(FileSystem fs, int dir, HashSet<int> seen, int depth)
    {
        if (!seen.Add(dir) || depth > 8) return;
        Expect(fs.PathOf(dir, out _));
        if (Expect(fs.ReadDirectory(dir, out var entries)) < 0) return;
        foreach (var entry in entries)
        {
            if (Expect(fs.Stat(entry.Inode, out var stat)) < 0) continue;
            if (stat.Type == InodeType.Directory) Walk(fs, entry.Inode, seen, depth + 1);
            else Expect(fs.ReadAt(entry.Inode, 0, new byte[stat.Size > 100_000 ? 100_000 : stat.Size]));
            Expect(fs.Lookup(dir, entry.Name));
        }
    }

    private static int Expect(int result)
    {
        Assert.True(result >= 0 || FileErrors.Contains(-result), $"unexpected result {result}");
        return result;
    }
}
