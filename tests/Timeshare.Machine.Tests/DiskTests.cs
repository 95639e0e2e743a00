using Timeshare.Machine.Devices;

namespace Timeshare.Machine.Tests;

public sealed class DiskTests
{
    private static byte[] Block(byte fill) => Enumerable.Repeat(fill, Disk.BlockSize).ToArray();

    [Fact]
    public void A_written_block_reads_back_and_the_counters_count_blocks()
    {
        var disk = new Disk(4);
        disk.Write(3, Block(0xab));
        var into = new byte[Disk.BlockSize];
        disk.Read(3, into);
        Assert.Equal(Block(0xab), into);
        disk.Read(0, into);
        Assert.Equal(Block(0), into);
        Assert.Equal(2L, disk.Reads);
        Assert.Equal(1L, disk.Writes);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_block_out_of_range_is_a_host_bug(int block)
    {
        var disk = new Disk(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => disk.Read(block, new byte[Disk.BlockSize]));
        Assert.Throws<ArgumentOutOfRangeException>(() => disk.Write(block, Block(1)));
        Assert.Equal(0L, disk.Reads + disk.Writes);
    }

    [Fact]
    public void A_transfer_is_exactly_one_block()
    {
        var disk = new Disk(1);
        Assert.Throws<ArgumentException>(() => disk.Read(0, new byte[100]));
        Assert.Throws<ArgumentException>(() => disk.Write(0, new byte[Disk.BlockSize + 1]));
    }

    [Fact]
    public void The_image_saves_and_loads_with_every_block()
    {
        var disk = new Disk(3);
        disk.Write(1, Block(7));
        var file = new MemoryStream();
        disk.Save(file);
        Assert.Equal(3L * Disk.BlockSize, file.Length);
        file.Position = 0;
        var loaded = Disk.Load(file);
        Assert.Equal(3, loaded.BlockCount);
        var into = new byte[Disk.BlockSize];
        loaded.Read(1, into);
        Assert.Equal(Block(7), into);
    }

    [Fact]
    public void A_partial_last_block_of_an_image_is_padded_with_zeros()
    {
        var loaded = Disk.Load(new MemoryStream([1, 2, 3]));
        Assert.Equal(1, loaded.BlockCount);
        var into = new byte[Disk.BlockSize];
        loaded.Read(0, into);
        Assert.Equal([1, 2, 3, 0], into[..4]);
        Assert.All(into[3..], b => Assert.Equal(0, b));
    }
}
