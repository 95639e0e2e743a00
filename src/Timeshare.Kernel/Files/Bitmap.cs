namespace Timeshare.Kernel.Files;

/// <summary>
/// A run of disk blocks read as one bit per item (inode or block), bit i of byte j of the
/// run standing for item 8j + i; set = in use. Every access goes through the buffer cache.
/// </summary>
internal sealed class Bitmap(BufferCache cache, int startBlock, int items)
{
    private const int PerBlock = Superblock.BitsPerBlock;

    public bool IsSet(int item)
    {
        Check(item);
        return IsSet(cache.Get(Block(item)), item % PerBlock);
    }

    public void Set(int item, bool used)
    {
        Check(item);
        var bytes = cache.Get(Block(item));
        var bit = item % PerBlock;
        if (used) bytes[bit >> 3] |= (byte)(1 << (bit & 7));
        else bytes[bit >> 3] &= (byte)~(1 << (bit & 7));
        cache.MarkDirty(Block(item));
    }

    /// <summary>Sets and returns the lowest clear item at or after <paramref name="from"/>; -1 if none.</summary>
    public int Allocate(int from)
    {
        foreach (var (first, end) in Runs(from))
        {
            var bytes = cache.Get(Block(first));
            for (var item = first; item < end; item++)
            {
                var bit = item % PerBlock;
                if (IsSet(bytes, bit)) continue;
                bytes[bit >> 3] |= (byte)(1 << (bit & 7));
                cache.MarkDirty(Block(first));
                return item;
            }
        }
        return -1;
    }

    /// <summary>Items in use among [from, items).</summary>
    public int CountSet(int from)
    {
        var count = 0;
        foreach (var (first, end) in Runs(from))
        {
            var bytes = cache.Get(Block(first));
            for (var item = first; item < end; item++)
                if (IsSet(bytes, item % PerBlock)) count++;
        }
        return count;
    }

    /// <summary>Items [from, items) cut where they change bitmap block: each run lies in one block.</summary>
    private IEnumerable<(int First, int End)> Runs(int from)
    {
        for (var first = from; first < items;)
        {
            var end = Math.Min(items, (first / PerBlock + 1) * PerBlock);
            yield return (first, end);
            first = end;
        }
    }

    private int Block(int item) => startBlock + item / PerBlock;

    private static bool IsSet(ReadOnlySpan<byte> bytes, int bit) => (bytes[bit >> 3] & (1 << (bit & 7))) != 0;

    private void Check(int item)
    {
        if ((uint)item >= (uint)items) throw new KernelBugException($"bitmap item {item} outside [0, {items})");
    }
}
