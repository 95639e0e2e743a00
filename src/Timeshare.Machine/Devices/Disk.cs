namespace Timeshare.Machine.Devices;

/// <summary>
/// A block device: <see cref="BlockCount"/> blocks of <see cref="BlockSize"/> bytes,
/// read and written one whole block at a time. It has no notion of time; the kernel
/// models the latency of an access. A block number out of range is a bug of the host
/// code that drives the disk, never of a guest, so it throws.
/// </summary>
public sealed class Disk
{
    public const int BlockSize = 4096;

    /// <summary>The largest disk whose image fits one array (just under 2 GiB).</summary>
    public const int MaxBlocks = 524_287;

    /// <summary>Block b is bytes [b * BlockSize, (b + 1) * BlockSize) of the image.</summary>
    private readonly byte[] _image;

    public Disk(int blockCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockCount, MaxBlocks);
        _image = new byte[blockCount * BlockSize];
    }

    public int BlockCount => _image.Length / BlockSize;

    /// <summary>Blocks read since the disk was made.</summary>
    public long Reads { get; private set; }

    /// <summary>Blocks written since the disk was made.</summary>
    public long Writes { get; private set; }

    public void Read(int block, Span<byte> into)
    {
        Slice(block, into.Length).CopyTo(into);
        Reads++;
    }

    public void Write(int block, ReadOnlySpan<byte> from)
    {
        from.CopyTo(Slice(block, from.Length));
        Writes++;
    }

    /// <summary>Writes the whole image, block 0 first: the disk image file.</summary>
    public void Save(Stream stream) => stream.Write(_image);

    /// <summary>
    /// A disk holding the bytes of an image file; a partial last block is padded with
    /// zeros. Throws <see cref="InvalidDataException"/> for an image over <see cref="MaxBlocks"/> blocks.
    /// </summary>
    public static Disk Load(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > (long)MaxBlocks * BlockSize) throw TooLarge(stream.Length - stream.Position);
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var blocks = (bytes.Length + BlockSize - 1) / BlockSize;
        if (blocks > MaxBlocks) throw TooLarge(bytes.Length);
        var disk = new Disk((int)blocks);
        bytes.Position = 0;
        bytes.ReadExactly(disk._image, 0, (int)bytes.Length);
        return disk;
    }

    private static InvalidDataException TooLarge(long bytes) =>
        new($"disk image of {bytes} bytes is larger than the largest disk ({MaxBlocks} blocks)");

    private Span<byte> Slice(int block, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, BlockCount);
        if (length != BlockSize) throw new ArgumentException($"a transfer is one block of {BlockSize} bytes, not {length}");
        return _image.AsSpan(block * BlockSize, BlockSize);
    }
}
