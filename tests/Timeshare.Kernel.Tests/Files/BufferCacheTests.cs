using Timeshare.Kernel.Files;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Tests.Files;

public class BufferCacheTests
{
    private static Disk NumberedDisk(int blocks)
    {
        var disk = new Disk(blocks);
        for (var block = 0; block < blocks; block++) disk.Write(block, Enumerable.Repeat((byte)block, Disk.BlockSize).ToArray());
        return disk;
    }

    [Fact]
    public void A_first_get_misses_and_reads_the_disk_and_a_second_hits()
    {
        var disk = NumberedDisk(8);
        var cache = new BufferCache(disk, 4);
        Assert.Equal(5, cache.Get(5)[0]);
        Assert.Equal(5, cache.Get(5)[100]);
        Assert.Equal((1L, 1L), (cache.Misses, cache.Hits));
        Assert.Equal(1L, disk.Reads);
    }

    [Fact]
    public void The_least_recently_used_block_is_evicted()
    {
        var cache = new BufferCache(NumberedDisk(8), 3);
        cache.Get(1);
        cache.Get(2);
        cache.Get(3);
        cache.Get(1); // 2 is now the least recently used
        cache.Get(4);
        Assert.False(cache.IsCached(2));
        Assert.True(cache.IsCached(1) && cache.IsCached(3) && cache.IsCached(4));
        Assert.Equal(3, cache.Count);
        cache.Get(2);
        Assert.Equal(5L, cache.Misses);
        Assert.False(cache.IsCached(3));
    }

    [Fact]
    public void A_dirty_block_reaches_the_disk_only_when_evicted_or_flushed()
    {
        var disk = NumberedDisk(8);
        var cache = new BufferCache(disk, 2);
        cache.Get(1)[0] = 0xee;
        cache.MarkDirty(1);
        cache.Get(2);
        var onDisk = new byte[Disk.BlockSize];
        disk.Read(1, onDisk);
        Assert.Equal(1, onDisk[0]);
        var writes = disk.Writes;
        cache.Get(3); // evicts dirty 1
        Assert.Equal(writes + 1, disk.Writes);
        disk.Read(1, onDisk);
        Assert.Equal(0xee, onDisk[0]);
        cache.Get(4); // evicts clean 2: no write
        Assert.Equal(writes + 1, disk.Writes);
    }

    [Fact]
    public void Flush_writes_each_dirty_block_once_and_keeps_it_cached()
    {
        var disk = NumberedDisk(8);
        var cache = new BufferCache(disk, 4);
        cache.Get(1)[0] = 9;
        cache.MarkDirty(1);
        cache.Get(2);
        var writes = disk.Writes;
        cache.Flush();
        cache.Flush();
        Assert.Equal(writes + 1, disk.Writes);
        Assert.True(cache.IsCached(1));
        Assert.False(cache.IsDirty(1));
        var onDisk = new byte[Disk.BlockSize];
        disk.Read(1, onDisk);
        Assert.Equal(9, onDisk[0]);
    }

    [Fact]
    public void A_zeroed_block_is_not_read_and_is_written_back()
    {
        var disk = NumberedDisk(4);
        var cache = new BufferCache(disk, 1);
        Assert.All(cache.GetZeroed(3).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal((0L, 0L, 0L), (cache.Hits, cache.Misses, disk.Reads));
        cache.Get(2);
        var onDisk = new byte[Disk.BlockSize];
        disk.Read(3, onDisk);
        Assert.All(onDisk, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Eviction_order_is_the_same_on_every_run()
    {
        static string Run()
        {
            var cache = new BufferCache(NumberedDisk(64), 5);
            var random = new Random(7);
            for (var i = 0; i < 500; i++) cache.Get(random.Next(64));
            return string.Join(',', Enumerable.Range(0, 64).Where(cache.IsCached)) + $"/{cache.Misses}";
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Marking_an_uncached_block_dirty_is_a_kernel_bug()
    {
        var cache = new BufferCache(new Disk(2), 1);
        Assert.Throws<KernelBugException>(() => cache.MarkDirty(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Get(2));
    }
}
