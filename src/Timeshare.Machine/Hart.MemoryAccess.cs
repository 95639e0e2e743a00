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

    /// <summary>Holds a load that straddles two pages, assembled byte by byte (see <see cref="LoadSlow{T}"/>).</summary>
    private ulong straddledLoad;

    /// <summary>
    /// Keeps a virtual address's page and its misalignment for an access of <typeparamref name="T"/>:
    /// compared with a TLB tag (a page address), it hits only naturally aligned accesses,
    /// which never straddle a page.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TagMask<T>() where T : unmanaged => ~PageOffsetMask | (ulong)(Unsafe.SizeOf<T>() - 1);

    /// <summary>
    /// Where a load of <typeparamref name="T"/> from <paramref name="va"/> reads its bytes, or a
    /// null ref when it faults (with <see cref="pendingStop"/> set). Valid until the next access.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte LoadAddress<T>(ulong va) where T : unmanaged
    {
        ref TlbEntry e = ref Tlb.Slot(loadTlb, va);
        if (e.Tag == (va & TagMask<T>()))
            return ref Ram(va + e.Addend);
        return ref LoadSlow<T>(va);
    }

    private bool Load<T>(ulong va, out T value) where T : unmanaged
    {
        ref byte source = ref LoadAddress<T>(va);
        bool loaded = !Unsafe.IsNullRef(ref source);
        value = loaded ? Unsafe.ReadUnaligned<T>(ref source) : default;
        return loaded;
    }

    /// <summary>Fast path hits only pages whose frame holds no decoded code (see <see cref="Tlb.RevokeStores"/>), so it needs no invalidation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Store<T>(ulong va, T value) where T : unmanaged
    {
        ref TlbEntry e = ref Tlb.Slot(storeTlb, va);
        if (e.Tag == (va & TagMask<T>()))
        {
            Unsafe.WriteUnaligned(ref Ram(va + e.Addend), value);
            return true;
        }
        return StoreSlow(va, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Ram(ulong physicalAddress) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ram), (nint)physicalAddress);

    /// <summary>A TLB miss or a misaligned load: translate, and assemble a page-straddling value in <see cref="straddledLoad"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref byte LoadSlow<T>(ulong va) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (!Translate(va, AccessKind.Load, out ulong pa))
            return ref Unsafe.NullRef<byte>();
        if ((va & PageOffsetMask) + (ulong)size <= PhysicalMemory.PageSize)
            return ref Ram(pa);
        // Misaligned across a page boundary: each byte through its own translation.
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<ulong>(ref straddledLoad));
        for (int i = 0; i < size; i++)
        {
            if (!Translate(va + (ulong)i, AccessKind.Load, out ulong bytePa))
                return ref Unsafe.NullRef<byte>();
            bytes[i] = ram[bytePa];
        }
        return ref bytes[0];
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
