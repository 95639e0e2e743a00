using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Memory;

/// <summary>
/// One process's view of memory: an Sv39 page table over frames, the
/// program break of its heap, and checked copies in and out of user memory
/// for the system calls. A fork shares every frame copy-on-write: a shared
/// writable page is mapped read-only with <see cref="CopyOnWrite"/> set, and
/// the first store to it, by either side, gets a private copy.
/// </summary>
public sealed class AddressSpace
{
    private const ulong Page = PhysicalMemory.PageSize;
    /// <summary>A software bit of the PTE (RSW): the page is writable, but shared until written.</summary>
    private const PteFlags CopyOnWrite = (PteFlags)(1 << 8);

    private readonly PhysicalMemory _memory;
    private readonly FrameAllocator _frames;
    private readonly Sv39PageTable _table;
    private readonly Sv39Mmu _mmu;
    /// <summary>Regions to fill on first touch (demand paging), by start address.</summary>
    private readonly List<LazyRegion> _lazy = [];
    /// <summary>Every mapped user page, in address order: the page table holds exactly these leaves.</summary>
    private readonly SortedSet<ulong> _pages = [];
    /// <summary>The frames of the page table itself, freed with the space.</summary>
    private readonly List<ulong> _tableFrames = [];

    public AddressSpace(PhysicalMemory memory, FrameAllocator frames)
    {
        _memory = memory;
        _frames = frames;
        _table = new Sv39PageTable(memory, AllocateTableFrame);
        _mmu = new Sv39Mmu(memory);
    }

    private ulong AllocateTableFrame()
    {
        var frame = _frames.TryAllocate() ?? throw new OutOfMemoryError("no frame left for a page table");
        _tableFrames.Add(frame);
        return frame;
    }

    /// <summary>The bytes of user memory mapped now (procfs's VmSize, without pages still to fill on demand).</summary>
    public long MappedBytes => _pages.Count * (long)Page;

    /// <summary>Every lazy region's size too: what the program may touch.</summary>
    public long VirtualBytes => MappedBytes + _lazy.Sum(r => (long)r.Length);

    public ulong Satp => _table.Satp;

    /// <summary>Bumped whenever a mapping is removed or loses permissions: a TLB that saw an older value must be flushed.</summary>
    public long Generation { get; private set; }

    /// <summary>The next anonymous mapping ends here; mappings grow down from just below the stack.</summary>
    private ulong _mmapTop = Loading.ElfLoader.StackTop - Loading.ElfLoader.StackSize - Page;

    /// <summary>Where the heap starts: the page after the program's last segment.</summary>
    public ulong BreakStart { get; private set; }
    /// <summary>The program break: the heap is [BreakStart, Break).</summary>
    public ulong Break { get; private set; }

    /// <summary>
    /// Maps [address, address+length) with zeroed frames. A page already
    /// mapped keeps its frame and gains the new permissions, so two segments
    /// that share a page share it.
    /// </summary>
    public void Map(ulong address, ulong length, PteFlags flags)
    {
        for (var page = address & ~(Page - 1); page < address + length; page += Page)
        {
            if (_table.Lookup(page) is { } existing)
            {
                _table.Map(page, existing.Ppn, existing.Flags | flags | PteFlags.User);
                continue;
            }
            var frame = _frames.TryAllocate() ?? throw new OutOfMemoryError($"no frame left for page 0x{page:x}");
            _table.Map(page, frame, flags | PteFlags.User);
            _pages.Add(page);
        }
    }

    /// <summary>Writes into mapped pages whatever their permissions: the loader's way in.</summary>
    public void Load(ulong address, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var offset = address & (Page - 1);
            var chunk = (int)Math.Min((ulong)bytes.Length, Page - offset);
            var pte = _table.Lookup(address) ?? throw new KernelBugException($"loading into unmapped 0x{address:x}");
            _memory.Write((pte.Ppn << PhysicalMemory.PageShift) + offset, bytes[..chunk]);
            bytes = bytes[chunk..];
            address += (ulong)chunk;
        }
    }

    /// <summary>
    /// Defers [address, address+length) until first touch: the page fault
    /// handler fills each page from <paramref name="contents"/> (zero past its end).
    /// </summary>
    public void MapLazily(ulong address, ulong length, PteFlags flags, ReadOnlyMemory<byte> contents) =>
        _lazy.Add(new LazyRegion(address, length, flags, contents));

    /// <summary>
    /// The page fault handler: if <paramref name="address"/> lies in a region not
    /// yet filled, maps its page and fills it, and returns true; the faulting
    /// instruction may then run again. False for a true fault.
    /// </summary>
    private bool TryFillOnDemand(ulong address)
    {
        var page = address & ~(Page - 1);
        if (_table.Lookup(page) is not null) return false;
        var filled = false;
        foreach (var region in _lazy)
        {
            // A page may be shared by two regions (the end of one, the start of the next): fill it from both.
            if (page + Page <= region.Start || page >= region.Start + region.Length) continue;
            Map(page, Page, region.Flags);
            var from = Math.Max(page, region.Start);
            var to = Math.Min(page + Page, region.Start + region.Length);
            var offset = (long)(from - region.Start);
            var available = Math.Clamp(region.Contents.Length - offset, 0, (long)(to - from));
            Load(from, region.Contents.Span.Slice((int)Math.Min(offset, region.Contents.Length), (int)available));
            filled = true;
        }
        return filled;
    }

    private readonly record struct LazyRegion(ulong Start, ulong Length, PteFlags Flags, ReadOnlyMemory<byte> Contents);

    public void SetBreakStart(ulong address) => BreakStart = Break = (address + Page - 1) & ~(Page - 1);

    /// <summary>Linux brk: moves the break within [BreakStart, limit) and returns the break in force.</summary>
    public ulong MoveBreak(ulong requested, ulong limit)
    {
        if (requested < BreakStart || requested >= limit) return Break;
        var mappedEnd = (Break + Page - 1) & ~(Page - 1);
        try
        {
            if (requested > mappedEnd) Map(mappedEnd, requested - mappedEnd, PteFlags.Read | PteFlags.Write);
        }
        catch (OutOfMemoryError)
        {
            return Break;
        }
        return Break = requested;
    }

    /// <summary>
    /// Anonymous mmap: maps length bytes of zeroed pages below the last
    /// mapping; returns the address, or null when the space or memory runs out.
    /// </summary>
    public ulong? MapAnonymous(ulong length, PteFlags flags)
    {
        var size = (length + Page - 1) & ~(Page - 1);
        if (size == 0 || size > _mmapTop - Break) return null;
        try
        {
            Map(_mmapTop - size, size, flags);
        }
        catch (OutOfMemoryError)
        {
            return null;
        }
        return _mmapTop -= size;
    }

    /// <summary>munmap: unmaps the mapped pages of [address, address+length) and frees their frames.</summary>
    public void Unmap(ulong address, ulong length)
    {
        for (var page = address & ~(Page - 1); page < address + length; page += Page)
        {
            if (_table.Lookup(page) is not { } pte) continue;
            _table.Unmap(page);
            _pages.Remove(page);
            _frames.Free(pte.Ppn);
        }
        Generation++;
    }

    /// <summary>mprotect: gives the mapped pages of [address, address+length) these permissions; false if one is unmapped.</summary>
    public bool Protect(ulong address, ulong length, PteFlags flags)
    {
        var pages = new List<(ulong Page, ulong Frame)>();
        for (var page = address & ~(Page - 1); page < address + length; page += Page)
        {
            if (_table.Lookup(page) is not { } pte) return false;
            pages.Add((page, pte.Ppn));
        }
        // A page still shared copy-on-write stays read-only: the first store copies it.
        foreach (var (page, frame) in pages)
        {
            var shared = (flags & PteFlags.Write) != 0 && _frames.Users(frame) > 1;
            _table.Map(page, frame, (shared ? flags & ~PteFlags.Write | CopyOnWrite : flags) | PteFlags.User);
        }
        Generation++;
        return true;
    }

    /// <summary>
    /// The page fault handler: a page still to be filled on demand is filled, a
    /// store to a copy-on-write page gets a page of its own. True if the access
    /// may now be tried again; false for a true fault.
    /// </summary>
    public bool TryResolveFault(ulong address, bool store)
    {
        if (TryFillOnDemand(address)) return true;
        return store && TryCopyOnWrite(address);
    }

    private bool TryCopyOnWrite(ulong address)
    {
        var page = address & ~(Page - 1);
        if (_table.Lookup(page) is not { } pte || !pte.Has(CopyOnWrite)) return false;
        var flags = (pte.Flags & ~(CopyOnWrite | PteFlags.Valid)) | PteFlags.Write;
        // A TLB may hold the read-only entry (and the shared frame): it must be flushed either way.
        Generation++;
        if (_frames.Users(pte.Ppn) == 1)
        {
            _table.Map(page, pte.Ppn, flags);
            return true;
        }
        if (_frames.TryAllocate() is not { } copy) return false;
        Span<byte> contents = stackalloc byte[(int)Page];
        _memory.Read(pte.Ppn << PhysicalMemory.PageShift, contents);
        _memory.Write(copy << PhysicalMemory.PageShift, contents);
        _table.Map(page, copy, flags);
        _frames.Free(pte.Ppn);
        return true;
    }

    /// <summary>
    /// fork: a new space with the same contents, sharing every frame. Writable
    /// pages become copy-on-write in both, so this space's TLB must be flushed.
    /// </summary>
    public AddressSpace Clone()
    {
        var child = new AddressSpace(_memory, _frames)
        {
            BreakStart = BreakStart,
            Break = Break,
            _mmapTop = _mmapTop,
        };
        child._lazy.AddRange(_lazy);
        foreach (var page in _pages)
        {
            var pte = _table.Lookup(page)!.Value;
            var flags = pte.Flags & ~PteFlags.Valid;
            if (pte.Has(PteFlags.Write)) flags = flags & ~PteFlags.Write | CopyOnWrite;
            _table.Map(page, pte.Ppn, flags);
            child._table.Map(page, pte.Ppn, flags);
            child._pages.Add(page);
            _frames.Share(pte.Ppn);
        }
        Generation++;
        return child;
    }

    /// <summary>Exit or exec: lets go of every frame, the page table's too. The space is unusable after.</summary>
    public void Release()
    {
        foreach (var page in _pages) _frames.Free(_table.Lookup(page)!.Value.Ppn);
        foreach (var frame in _tableFrames) _frames.Free(frame);
        _pages.Clear();
        _tableFrames.Clear();
        _lazy.Clear();
        Generation++;
    }

    /// <summary>copyout: false, and nothing written, if any byte is not writable by the program.</summary>
    public bool TryWrite(ulong address, ReadOnlySpan<byte> source)
    {
        // Each pass resolves at most one page (filled on demand or copied): a range touches finitely many.
        while (true)
        {
            var result = _mmu.Write(Satp, address, source, out var fault);
            if (result == TranslationResult.Ok) return true;
            if (!TryResolveFault(fault, store: true)) return false;
        }
    }

    /// <summary>copyin: false if any byte is not readable by the program.</summary>
    public bool TryRead(ulong address, Span<byte> destination)
    {
        while (true)
        {
            var result = _mmu.Read(Satp, address, destination, out var fault);
            if (result == TranslationResult.Ok) return true;
            if (!TryFillOnDemand(fault)) return false;
        }
    }
}
