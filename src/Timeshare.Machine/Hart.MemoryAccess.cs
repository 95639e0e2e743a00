using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Timeshare.Machine.Cpu;
using Timeshare.Machine.Memory;

namespace Timeshare.Machine;

public sealed partial class Hart
{
    private const ulong PageOffsetMask = PhysicalMemory.PageSize - 1;

    /// <summary>Set by a failing access or instruction, read by the loop when it stops.</summary>
    private StopReason pendingStop;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Load<T>(ulong va, out T value) where T : unmanaged
    {
        ulong vpn = va >> PhysicalMemory.PageShift;
        ref TlbEntry e = ref Tlb.Slot(vpn);
        if (e.LoadTag == vpn && (va & PageOffsetMask) <= (ulong)(PhysicalMemory.PageSize - Unsafe.SizeOf<T>()))
        {
            value = Unsafe.ReadUnaligned<T>(ref Ram(e.LoadBase | (va & PageOffsetMask)));
            return true;
        }
        return LoadSlow(va, out value);
    }

    /// <summary>Fast path hits only pages whose frame holds no decoded code (see <see cref="Tlb.RevokeStores"/>), so it needs no invalidation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Store<T>(ulong va, T value) where T : unmanaged
    {
        ulong vpn = va >> PhysicalMemory.PageShift;
        ref TlbEntry e = ref Tlb.Slot(vpn);
        if (e.StoreTag == vpn && (va & PageOffsetMask) <= (ulong)(PhysicalMemory.PageSize - Unsafe.SizeOf<T>()))
        {
            Unsafe.WriteUnaligned(ref Ram(e.StoreBase | (va & PageOffsetMask)), value);
            return true;
        }
        return StoreSlow(va, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Ram(ulong physicalAddress) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ram), (nint)physicalAddress);

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
        ulong vpn = va >> PhysicalMemory.PageShift;
        ref TlbEntry e = ref Tlb.Slot(vpn);
        (ulong tag, ulong cachedBase) = kind switch
        {
            AccessKind.Load => (e.LoadTag, e.LoadBase),
            AccessKind.Store => (e.StoreTag, e.StoreBase),
            _ => (e.ExecuteTag, e.ExecuteBase),
        };
        if (tag == vpn)
        {
            pa = cachedBase | (va & PageOffsetMask);
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
        ulong pageBase = pa & ~PageOffsetMask;
        // Stores to a frame holding decoded code must take the slow path to invalidate it.
        if (kind != AccessKind.Store || !decoded.IsCode((long)(pa >> PhysicalMemory.PageShift)))
            Tlb.Fill(vpn, pageBase, kind);
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
