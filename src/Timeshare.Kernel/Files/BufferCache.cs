using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Files;

/// <summary>
/// The kernel's cache of disk blocks, write-back: at most <see cref="Capacity"/> blocks are
/// held; when a block must come in and the cache is full, the least recently used one leaves,
/// written to the disk first if dirty. Every access of the file system goes through here, so
/// <see cref="Misses"/> counts exactly the blocks the disk had to deliver.
/// </summary>
/// <remarks>
/// A span handed out is the block's buffer itself and stays valid only until the next call on
/// the cache, which may evict the block and reuse its buffer.
/// </remarks>
public sealed class BufferCache
{
    private readonly Dictionary<int, LinkedListNode<Buffer>> _byBlock = [];

    /// <summary>Cached blocks, most recently used first: eviction takes the last.</summary>
    private readonly LinkedList<Buffer> _recency = [];

    public BufferCache(Disk disk, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Disk = disk;
        Capacity = capacity;
    }

    public Disk Disk { get; }

    public int Capacity { get; }

    /// <summary>Gets served from memory.</summary>
    public long Hits { get; private set; }

    /// <summary>Gets that had to read the block from the disk.</summary>
    public long Misses { get; private set; }

    public int Count => _recency.Count;

    /// <summary>The block's contents, read from the disk unless cached. Call <see cref="MarkDirty"/> after changing them.</summary>
    public Span<byte> Get(int block)
    {
        if (Find(block) is { } cached)
        {
            Hits++;
            return cached.Data;
        }
        var buffer = Take(block);
        Disk.Read(block, buffer.Data);
        Misses++;
        return buffer.Data;
    }

    /// <summary>
    /// A block whose old contents do not matter (just allocated): zeroed and dirty, and never
    /// read from the disk, so it counts as neither hit nor miss.
    /// </summary>
    public Span<byte> GetZeroed(int block)
    {
        var buffer = Find(block) ?? Take(block);
        buffer.Data.AsSpan().Clear();
        buffer.Dirty = true;
        return buffer.Data;
    }

    /// <summary>The cached block has changed and must reach the disk before it leaves the cache.</summary>
    public void MarkDirty(int block)
    {
        if (!_byBlock.TryGetValue(block, out var node)) throw new KernelBugException($"block {block} marked dirty while not cached");
        node.Value.Dirty = true;
    }

    public bool IsCached(int block) => _byBlock.ContainsKey(block);

    public bool IsDirty(int block) => _byBlock.TryGetValue(block, out var node) && node.Value.Dirty;

    /// <summary>Writes every dirty block to the disk, most recently used first; the blocks stay cached.</summary>
    public void Flush()
    {
        foreach (var buffer in _recency) WriteBack(buffer);
    }

    /// <summary>The cached buffer of the block, now the most recently used; null if not cached.</summary>
    private Buffer? Find(int block)
    {
        if (!_byBlock.TryGetValue(block, out var node)) return null;
        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    /// <summary>A buffer for an uncached block, made most recently used; evicts the least recently used one when full.</summary>
    private Buffer Take(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, Disk.BlockCount);
        LinkedListNode<Buffer> node;
        if (_recency.Count < Capacity)
        {
            node = new LinkedListNode<Buffer>(new Buffer());
        }
        else
        {
            node = _recency.Last!;
            WriteBack(node.Value);
            _recency.RemoveLast();
            _byBlock.Remove(node.Value.Block);
        }
        node.Value.Block = block;
        _recency.AddFirst(node);
        _byBlock.Add(block, node);
        return node.Value;
    }

    private void WriteBack(Buffer buffer)
    {
        if (!buffer.Dirty) return;
        Disk.Write(buffer.Block, buffer.Data);
        buffer.Dirty = false;
    }

    private sealed class Buffer
    {
        public int Block;
        public readonly byte[] Data = new byte[Disk.BlockSize];
        /// <summary>Data differs from the disk's copy of Block.</summary>
        public bool Dirty;
    }
}
