using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Timeshare.Machine.Cpu;
using Timeshare.Machine.Memory;

namespace Timeshare.Machine;

public sealed unsafe partial class Hart
{
    private const ulong PageOffsetMask = PhysicalMemory.PageSize - 1;

    /// <summary>Set by a failing access or instruction, read by the loop when it stops.</summary>
    private StopReason pendingStop;

    /// <summary>
    /// Keeps a virtual address's page and its misalignment for an access of <typeparamref name="T"/>:
    /// compared with a TLB tag (a page address), it hits only naturally aligned accesses,
    /// which never straddle a page.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TagMask<T>() where T : unmanaged => ~PageOffsetMask | (ulong)(Unsafe.SizeOf<T>() - 1);

    /// <summary>The load fast path: false, touching nothing, unless the access is aligned and its page is in the TLB.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryLoadFast<T>(ulong va, out T value) where T : unmanaged
    {
        ref TlbEntry e = ref loadTlb[(va >> PhysicalMemory.PageShift) & (Tlb.Size - 1)];
        if (e.Tag != (va & TagMask<T>()))
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(ref Ram(va + e.Addend));
        return true;
    }

    /// <summary>
    /// The store fast path: false, touching nothing, unless the access is aligned and its page
    /// is in the TLB. It hits only pages whose frame holds no decoded code (see
    /// <see cref="Tlb.RevokeStores"/>), so it needs no invalidation and cannot change the
    /// instruction being executed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryStoreFast<T>(ulong va, T value) where T : unmanaged
    {
        ref TlbEntry e = ref storeTlb[(va >> PhysicalMemory.PageShift) & (Tlb.Size - 1)];
        if (e.Tag != (va & TagMask<T>()))
            return false;
        Unsafe.WriteUnaligned(ref Ram(va + e.Addend), value);
        return true;
    }

    private bool Load<T>(ulong va, out T value) where T : unmanaged => TryLoadFast(va, out value) || LoadSlow(va, out value);

    private bool Store<T>(ulong va, T value) where T : unmanaged => TryStoreFast(va, value) || StoreSlow(va, value);

    /// <summary>A load instruction that missed the fast path, executed in full; false when it faults.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ExecuteLoad(DecodedOp d)
    {
        ulong va = x[d.Rs1] + (ulong)d.Imm;
        ulong value;
        switch (d.Op)
        {
            case Op.Lb: { if (!Load(va, out sbyte v)) return false; value = (ulong)v; break; }
            case Op.Lh: { if (!Load(va, out short v)) return false; value = (ulong)v; break; }
            case Op.Lw: { if (!Load(va, out int v)) return false; value = (ulong)v; break; }
            case Op.Lbu: { if (!Load(va, out byte v)) return false; value = v; break; }
            case Op.Lhu: { if (!Load(va, out ushort v)) return false; value = v; break; }
            case Op.Lwu: { if (!Load(va, out uint v)) return false; value = v; break; }
            case Op.Fld: return Load(va, out f[d.Rd]);
            default: { if (!Load(va, out ulong v)) return false; value = v; break; } // LD
        }
        x[d.Rd] = value;
        return true;
    }

    /// <summary>A store instruction that missed the fast path, executed in full; false when it faults.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ExecuteStore(DecodedOp d)
    {
        ulong va = x[d.Rs1] + (ulong)d.Imm;
        ulong value = d.Op == Op.Fsd ? f[d.Rs2] : x[d.Rs2];
        return d.Op switch
        {
            Op.Sb => Store(va, (byte)value),
            Op.Sh => Store(va, (ushort)value),
            Op.Sw => Store(va, (uint)value),
            _ => Store(va, value), // SD, FSD
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Ram(ulong physicalAddress) => ref ramBase[physicalAddress];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool LoadSlow<T>(ulong va, out T value) where T : unmanaged
    {
        value = default;
        int size = Unsafe.SizeOf<T>();
        if (!Translate(va, AccessKind.Load, out ulong pa))
            return false;
        if ((va & PageOffsetMask) + (ulong)size <= PhysicalMemory.PageSize)
        {
            value = Unsafe.ReadUnaligned<T>(ref Ram(pa));
            return true;
        }
        // Misaligned across a page boundary: each byte through its own translation.
        Span<byte> bytes = stackalloc byte[size];
        for (int i = 0; i < size; i++)
        {
            if (!Translate(va + (ulong)i, AccessKind.Load, out ulong bytePa))
                return false;
            bytes[i] = ram[bytePa];
        }
        value = MemoryMarshal.Read<T>(bytes);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StoreSlow<T>(ulong va, T value) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (!Translate(va, AccessKind.Store, out ulong pa))
            return false;
        if ((va & PageOffsetMask) + (ulong)size <= PhysicalMemory.PageSize)
        {
            Unsafe.WriteUnaligned(ref Ram(pa), value);
            decoded.OnStore(pa, size);
            return true;
        }
        // Across a page boundary: translate the second page before writing anything, so a
        // faulting store leaves memory untouched.
        ulong secondPage = (va | PageOffsetMask) + 1;
        if (!Translate(secondPage, AccessKind.Store, out _))
            return false;
        Span<byte> bytes = stackalloc byte[size];
        MemoryMarshal.Write(bytes, in value);
        for (int i = 0; i < size; i++)
        {
            Translate(va + (ulong)i, AccessKind.Store, out ulong bytePa);
            ram[bytePa] = bytes[i];
            decoded.OnStore(bytePa, 1);
        }
        return true;
    }

    /// <summary>
    /// Translate through the TLB, walking the page tables on a miss and filling the TLB.
    /// On failure sets <see cref="pendingStop"/> and <see cref="StopValue"/>.
    /// </summary>
    private bool Translate(ulong va, AccessKind kind, out ulong pa)
    {
        ref TlbEntry e = ref Tlb.Slot(Tlb.Entries(kind), va);
        if (e.Tag == (va & ~PageOffsetMask))
        {
            pa = va + e.Addend;
            return true;
        }
        TranslationResult result = mmu.Translate(satp, va, kind, out pa);
        if (result != TranslationResult.Ok)
        {
            pendingStop = (result, kind) switch
            {
                (TranslationResult.PageFault, AccessKind.Load) => StopReason.LoadPageFault,
                (TranslationResult.PageFault, AccessKind.Store) => StopReason.StorePageFault,
                (TranslationResult.PageFault, _) => StopReason.InstructionPageFault,
                (_, AccessKind.Load) => StopReason.LoadAccessFault,
                (_, AccessKind.Store) => StopReason.StoreAccessFault,
                _ => StopReason.InstructionAccessFault,
            };
            StopValue = va;
            return false;
        }
        // Stores to a frame holding decoded code must take the slow path to invalidate it.
        if (kind != AccessKind.Store || !decoded.IsCode((long)(pa >> PhysicalMemory.PageShift)))
            Tlb.Fill(va, pa & ~PageOffsetMask, kind);
        return true;
    }

    /// <summary>Fetch the 16 bits at a virtual address (for instructions that straddle pages).</summary>
    private bool FetchHalfword(ulong va, out ushort bits)
    {
        bits = 0;
        if (!Translate(va, AccessKind.Execute, out ulong pa))
            return false;
        bits = Unsafe.ReadUnaligned<ushort>(ref Ram(pa));
        return true;
    }

    /// <summary>Decode the instruction at <paramref name="pa"/> for the decode cache (a page-straddling one becomes <see cref="Op.CrossPage"/>).</summary>
    private DecodedOp DecodeAt(ulong pa)
    {
        ushort low = Unsafe.ReadUnaligned<ushort>(ref Ram(pa));
        if (!Decoder.IsFullLength(low))
            return Decoder.DecodeCompressed(low);
        if ((pa & PageOffsetMask) == PhysicalMemory.PageSize - 2)
            return new DecodedOp(Op.CrossPage, 0, 0, 0, 0, 0, 4, 0);
        return Decoder.Decode(Unsafe.ReadUnaligned<uint>(ref Ram(pa)));
    }

    /// <summary>Decode a 32-bit instruction whose halves lie on two pages; faults report the second page's address.</summary>
    private bool DecodeCrossPage(ulong pc, out DecodedOp op)
    {
        op = default;
        if (!FetchHalfword(pc, out ushort low) || !FetchHalfword(pc + 2, out ushort high))
            return false;
        op = Decoder.Decode(low | ((uint)high << 16));
        return true;
    }
}
