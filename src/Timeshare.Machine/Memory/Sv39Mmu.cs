using System.Buffers.Binary;

namespace Timeshare.Machine.Memory;

/// <summary>
/// The Sv39 page-table walker for user-mode accesses. Page tables live in physical memory.
/// A/D bits are managed by hardware (Svadu-style): a successful walk sets A, and D for a
/// store, writing the PTE back. satp: MODE in bits 63:60 (0 bare, 8 Sv39), root PPN in 43:0; ASID ignored.
/// </summary>
public sealed class Sv39Mmu(PhysicalMemory memory)
{
    public const ulong ModeBare = 0;
    public const ulong ModeSv39 = 8;
    private const int Levels = 3;
    private const int VpnBits = 9;

    public static ulong MakeSatp(ulong rootFrame) => (ModeSv39 << 60) | rootFrame;

    public static bool IsValidSatp(ulong satp) => satp == 0 || (satp >> 60) == ModeSv39;

    /// <summary>
    /// Translate a user-mode access. In bare mode the address is physical. Faults: a bad
    /// walk or missing permission is a page fault; a PTE or final address outside physical
    /// memory is an access fault.
    /// </summary>
    public TranslationResult Translate(ulong satp, ulong virtualAddress, AccessKind kind, out ulong physicalAddress, bool updateAccessedDirty = true)
    {
        physicalAddress = 0;
        if ((satp >> 60) != ModeSv39)
        {
            physicalAddress = virtualAddress;
            return memory.Contains(virtualAddress, 1) ? TranslationResult.Ok : TranslationResult.AccessFault;
        }
        // Bits 63:39 must all equal bit 38.
        if (((long)virtualAddress << 25 >> 25) != (long)virtualAddress)
            return TranslationResult.PageFault;

        ulong table = (satp & ((1UL << 44) - 1)) << PhysicalMemory.PageShift;
        for (int level = Levels - 1; level >= 0; level--)
        {
            int shift = PhysicalMemory.PageShift + VpnBits * level;
            ulong pteAddress = table + ((virtualAddress >> shift) & 511) * 8;
            if (!memory.Contains(pteAddress, 8))
                return TranslationResult.AccessFault;
            var pte = new Pte(BinaryPrimitives.ReadUInt64LittleEndian(memory.Bytes.AsSpan((int)pteAddress, 8)));
            if (!pte.IsValid || pte.HasReservedBits || (pte.Has(PteFlags.Write) && !pte.Has(PteFlags.Read)))
                return TranslationResult.PageFault;
            if (!pte.IsLeaf)
            {
                table = pte.Ppn << PhysicalMemory.PageShift;
                continue;
            }
            PteFlags needed = kind switch { AccessKind.Load => PteFlags.Read, AccessKind.Store => PteFlags.Write, _ => PteFlags.Execute };
            if (!pte.Has(needed | PteFlags.User))
                return TranslationResult.PageFault;
            ulong superpageMask = (1UL << (VpnBits * level)) - 1;
            if ((pte.Ppn & superpageMask) != 0)
                return TranslationResult.PageFault;
            if (updateAccessedDirty)
            {
                ulong updated = pte.Raw | (ulong)PteFlags.Accessed | (kind == AccessKind.Store ? (ulong)PteFlags.Dirty : 0);
                if (updated != pte.Raw)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(memory.Bytes.AsSpan((int)pteAddress, 8), updated);
                    memory.Decoded.OnStore(pteAddress, 8);
                }
            }
            physicalAddress = (pte.Ppn << PhysicalMemory.PageShift) | (virtualAddress & ((1UL << shift) - 1));
            return memory.Contains(physicalAddress, 1) ? TranslationResult.Ok : TranslationResult.AccessFault;
        }
        return TranslationResult.PageFault;
    }

    /// <summary>
    /// Copy user memory out of an address space (for the kernel's copyin), page by page,
    /// with user-mode permission checks. On failure <paramref name="faultAddress"/> is the
    /// first virtual address that could not be read and nothing is guaranteed about
    /// <paramref name="destination"/>.
    /// </summary>
    public TranslationResult Read(ulong satp, ulong virtualAddress, Span<byte> destination, out ulong faultAddress)
    {
        int done = 0;
        while (done < destination.Length)
        {
            ulong va = virtualAddress + (ulong)done;
            TranslationResult result = Translate(satp, va, AccessKind.Load, out ulong pa);
            if (result != TranslationResult.Ok)
            {
                faultAddress = va;
                return result;
            }
            int chunk = ChunkInPage(va, destination.Length - done);
            memory.Read(pa, destination.Slice(done, chunk));
            done += chunk;
        }
        faultAddress = 0;
        return TranslationResult.Ok;
    }

    /// <summary>
    /// Copy bytes into an address space (the kernel's copyout), requiring user write
    /// permission on every page before writing anything.
    /// </summary>
    public TranslationResult Write(ulong satp, ulong virtualAddress, ReadOnlySpan<byte> source, out ulong faultAddress)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            int done = 0;
            while (done < source.Length)
            {
                ulong va = virtualAddress + (ulong)done;
                TranslationResult result = Translate(satp, va, AccessKind.Store, out ulong pa);
                if (result != TranslationResult.Ok)
                {
                    faultAddress = va;
                    return result;
                }
                int chunk = ChunkInPage(va, source.Length - done);
                if (pass == 1)
                    memory.Write(pa, source.Slice(done, chunk));
                done += chunk;
            }
        }
        faultAddress = 0;
        return TranslationResult.Ok;
    }

    private static int ChunkInPage(ulong va, int remaining) =>
        (int)Math.Min((ulong)remaining, PhysicalMemory.PageSize - (va & (PhysicalMemory.PageSize - 1)));
}
