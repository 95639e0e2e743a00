using Timeshare.Machine.Memory;
using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class PagingTests
{
    private const ulong CodeVa = 0x40_0000;
    private const ulong DataVa = 0x1000_0000; // same TLB slot as CodeVa: code and data tags must coexist
    private const ulong CodeFrame = 16, DataFrame = 17;
    private const PteFlags UserRx = PteFlags.User | PteFlags.Read | PteFlags.Execute;
    private const PteFlags UserRw = PteFlags.User | PteFlags.Read | PteFlags.Write;

    private readonly PhysicalMemory memory = new(4 << 20);
    private readonly Hart hart;
    private readonly Sv39PageTable table;
    private ulong nextFrame = 256;

    public PagingTests()
    {
        hart = new Hart(memory);
        table = new Sv39PageTable(memory, () => nextFrame++);
        table.Map(CodeVa, CodeFrame, UserRx);
        table.Map(DataVa, DataFrame, UserRw);
        hart.Satp = table.Satp;
        hart.Pc = CodeVa;
    }

    private void LoadCode(params uint[] code)
    {
        for (int i = 0; i < code.Length; i++)
            memory.WriteUInt32((CodeFrame << 12) + (ulong)(4 * i), code[i]);
    }

    private StopReason Run(params uint[] code)
    {
        LoadCode(code);
        hart.Pc = CodeVa;
        return hart.Run(1000);
    }

    [Fact]
    public void TranslatedLoadsAndStoresReachTheMappedFrames()
    {
        memory.WriteUInt64((DataFrame << 12) + 8, 0xDEAD_BEEF);
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 8), Addi(2, 2, 1), Sd(2, 1, 16), Ebreak));
        Assert.Equal(0xDEAD_BEF0UL, memory.ReadUInt64((DataFrame << 12) + 16));
        Assert.Equal(CodeVa + 12, hart.Pc);
    }

    [Fact]
    public void UnmappedLoadFaultsWithTheVirtualAddress()
    {
        hart.WriteRegister(1, 0x2000_0000);
        Assert.Equal(StopReason.LoadPageFault, Run(Lw(2, 1, 4)));
        Assert.Equal(0x2000_0004UL, hart.StopValue);
        Assert.Equal(CodeVa, hart.Pc);
    }

    [Fact]
    public void LoadFromExecuteOnlyPageFaults()
    {
        table.Map(0x3000_0000, 18, PteFlags.User | PteFlags.Execute);
        hart.WriteRegister(1, 0x3000_0000);
        Assert.Equal(StopReason.LoadPageFault, Run(Lw(2, 1, 0)));
        Assert.Equal(0x3000_0000UL, hart.StopValue);
    }

    [Fact]
    public void StoreToReadOnlyPageIsAStorePageFault()
    {
        table.Map(0x3000_0000, 18, PteFlags.User | PteFlags.Read);
        hart.WriteRegister(1, 0x3000_0000);
        Assert.Equal(StopReason.StorePageFault, Run(Sw(0, 1, 0)));
        Assert.Equal(0x3000_0000UL, hart.StopValue);
    }

    [Fact]
    public void AmoOnReadOnlyPageIsAStorePageFault()
    {
        table.Map(0x3000_0000, 18, PteFlags.User | PteFlags.Read);
        hart.WriteRegister(1, 0x3000_0000);
        Assert.Equal(StopReason.StorePageFault, Run(Amo(0x00, 3, 2, 1, 0)));
    }

    [Fact]
    public void SupervisorOnlyPageFaultsForUserAccess()
    {
        table.Map(0x3000_0000, 18, PteFlags.Read | PteFlags.Write);
        hart.WriteRegister(1, 0x3000_0000);
        Assert.Equal(StopReason.LoadPageFault, Run(Ld(2, 1, 0)));
    }

    [Fact]
    public void FetchFromNonExecutablePageIsAnInstructionPageFault()
    {
        hart.Pc = DataVa;
        Assert.Equal(StopReason.InstructionPageFault, hart.Run(10));
        Assert.Equal(DataVa, hart.StopValue);
        hart.Pc = 0x5000_0000; // unmapped
        Assert.Equal(StopReason.InstructionPageFault, hart.Run(10));
    }

    [Fact]
    public void NonCanonicalAddressIsAPageFault()
    {
        hart.WriteRegister(1, 0x0000_0040_0000_0000); // bit 38 set but bits 63:39 clear
        Assert.Equal(StopReason.LoadPageFault, Run(Ld(2, 1, 0)));
        Assert.Equal(0x0000_0040_0000_0000UL, hart.StopValue);
    }

    [Fact]
    public void WriteWithoutReadIsAReservedEncoding()
    {
        memory.WriteUInt64(LeafPteAddress(DataVa), Pte.Create(DataFrame, PteFlags.Valid | PteFlags.User | PteFlags.Write).Raw);
        hart.Tlb.FlushAll();
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.StorePageFault, Run(Sd(0, 1, 0)));
    }

    [Fact]
    public void HardwareSetsAccessedAndDirty()
    {
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        Pte afterLoad = table.Lookup(DataVa)!.Value;
        Assert.True(afterLoad.Has(PteFlags.Accessed));
        Assert.False(afterLoad.Has(PteFlags.Dirty));
        Assert.True(table.Lookup(CodeVa)!.Value.Has(PteFlags.Accessed)); // fetched from

        Assert.Equal(StopReason.Breakpoint, Run(Sd(2, 1, 0), Ebreak));
        Assert.True(table.Lookup(DataVa)!.Value.Has(PteFlags.Dirty));
    }

    [Fact]
    public void TlbKeepsOldTranslationUntilFlushed()
    {
        memory.WriteUInt64(DataFrame << 12, 1);
        memory.WriteUInt64(18UL << 12, 2);
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        Assert.Equal(1UL, hart.ReadRegister(2));

        table.Map(DataVa, 18, UserRw); // remap without telling the TLB
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal(1UL, hart.ReadRegister(2)); // stale, as on real hardware

        hart.Tlb.Flush(DataVa);
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal(2UL, hart.ReadRegister(2));
    }

    [Fact]
    public void UnmappingAfterFlushFaults()
    {
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        table.Unmap(DataVa);
        hart.Tlb.FlushAll();
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.LoadPageFault, hart.Run(10));
        Assert.Null(table.Lookup(DataVa));
    }

    [Fact]
    public void WritingSatpSwitchesAddressSpaceAndFlushes()
    {
        var other = new Sv39PageTable(memory, () => nextFrame++);
        other.Map(CodeVa, CodeFrame, UserRx);
        other.Map(DataVa, 18, UserRw);
        memory.WriteUInt64(DataFrame << 12, 1);
        memory.WriteUInt64(18UL << 12, 2);
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        Assert.Equal(1UL, hart.ReadRegister(2));
        hart.Satp = other.Satp;
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal(2UL, hart.ReadRegister(2));
    }

    [Fact]
    public void MisalignedLoadIntoUnmappedNextPageFaultsAtThatPage()
    {
        hart.WriteRegister(1, DataVa + 4094);
        Assert.Equal(StopReason.LoadPageFault, Run(Lw(2, 1, 0)));
        Assert.Equal(DataVa + 4096, hart.StopValue);
    }

    [Fact]
    public void InstructionStraddlingIntoUnmappedPageFaultsAtThatPage()
    {
        memory.Write((CodeFrame << 12) + 4094, [0x13, 0x00]); // low half of a 32-bit nop
        hart.Pc = CodeVa + 4094;
        Assert.Equal(StopReason.InstructionPageFault, hart.Run(10));
        Assert.Equal(CodeVa + 4096, hart.StopValue);
    }

    [Fact]
    public void AliasedCodeIsInvalidatedThroughAnotherMapping()
    {
        // The code frame is also mapped writable at another address; a store through that
        // alias must invalidate the decoded instructions, which are cached per physical frame.
        table.Map(0x3000_0000, CodeFrame, UserRw);
        hart.WriteRegister(1, 0x3000_0000);
        hart.WriteRegister(6, Addi(5, 0, 2));
        LoadCode(Jal(0, 12), Addi(5, 0, 1), Jalr(0, 7, 0), Jal(7, -8), Sw(6, 1, 4), Jal(7, -16), Ebreak);
        // 0: j 12 -> 12: jal x7, -8 -> 4: x5 = 1; jalr x7 -> 16: patch slot 4 via alias; 20: jal x7, -16 -> 4: x5 = 2 -> 24: ebreak
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.Breakpoint, hart.Run(100));
        Assert.Equal(2UL, hart.ReadRegister(5));
    }

    [Fact]
    public void SuperpageMapsTwoMegabytes()
    {
        // A level-1 leaf covering VA 0x6000_0000..+2 MiB -> PA 0x20_0000 (frame 512, 2 MiB aligned).
        ulong root = table.RootFrame << 12;
        ulong l1Frame = nextFrame++;
        memory.Fill(l1Frame << 12, 4096, 0);
        ulong va = 0x6000_0000;
        memory.WriteUInt64(root + ((va >> 30) & 511) * 8, Pte.Create(l1Frame, PteFlags.Valid).Raw);
        memory.WriteUInt64((l1Frame << 12) + ((va >> 21) & 511) * 8, Pte.Create(512, PteFlags.Valid | UserRw).Raw);
        hart.Tlb.FlushAll();
        memory.WriteUInt64(0x20_0000 + 0x12_3450, 77);
        hart.WriteRegister(1, va + 0x12_3450);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        Assert.Equal(77UL, hart.ReadRegister(2));

        // A superpage whose PPN is not 2 MiB aligned is a page fault.
        memory.WriteUInt64((l1Frame << 12) + ((va >> 21) & 511) * 8, Pte.Create(513, PteFlags.Valid | UserRw).Raw);
        hart.Tlb.FlushAll();
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.LoadPageFault, hart.Run(10));
    }

    [Fact]
    public void PageTableOutsideMemoryIsAnAccessFault()
    {
        ulong root = table.RootFrame << 12;
        ulong va = 0x7000_0000;
        memory.WriteUInt64(root + ((va >> 30) & 511) * 8, Pte.Create(1UL << 30, PteFlags.Valid).Raw);
        hart.Tlb.FlushAll();
        hart.WriteRegister(1, va);
        Assert.Equal(StopReason.LoadAccessFault, Run(Ld(2, 1, 0)));
        Assert.Equal(va, hart.StopValue);
    }

    [Fact]
    public void KernelCanTranslateUserAddresses()
    {
        var mmu = new Sv39Mmu(memory);
        Assert.Equal(TranslationResult.Ok, mmu.Translate(table.Satp, DataVa + 0x123, AccessKind.Store, out ulong pa, updateAccessedDirty: false));
        Assert.Equal((DataFrame << 12) + 0x123, pa);
        Assert.False(table.Lookup(DataVa)!.Value.Has(PteFlags.Dirty));
        Assert.Equal(TranslationResult.PageFault, mmu.Translate(table.Satp, CodeVa, AccessKind.Store, out _));
        Assert.Equal(TranslationResult.Ok, mmu.Translate(0, 0x1234, AccessKind.Load, out pa));
        Assert.Equal(0x1234UL, pa);
    }

    [Fact]
    public void KernelCopiesAcrossPagesAndStopsAtTheFirstBadPage()
    {
        table.Map(DataVa + 4096, 18, UserRw);
        var mmu = new Sv39Mmu(memory);
        byte[] message = [.. Enumerable.Range(1, 100).Select(i => (byte)i)];
        Assert.Equal(TranslationResult.Ok, mmu.Write(table.Satp, DataVa + 4050, message, out _));
        Assert.Equal(51, memory.ReadByte((18UL << 12) + 4)); // byte 50 landed at the start of the second page

        var back = new byte[100];
        Assert.Equal(TranslationResult.Ok, mmu.Read(table.Satp, DataVa + 4050, back, out _));
        Assert.Equal(message, back);

        // The third page is unmapped: nothing is written, and the fault names that page.
        Assert.Equal(TranslationResult.PageFault, mmu.Write(table.Satp, DataVa + 8150, message, out ulong fault));
        Assert.Equal(DataVa + 8192, fault);
        Assert.Equal(0, memory.ReadByte((18UL << 12) + 4054));
        // Code is not writable by the user.
        Assert.Equal(TranslationResult.PageFault, mmu.Write(table.Satp, CodeVa, message, out fault));
        Assert.Equal(CodeVa, fault);
    }

    [Fact]
    public void SequentialExecutionIntoTheNextVirtualPageRetranslates()
    {
        // Next virtual page maps to a frame far from the code frame; falling through must find it.
        table.Map(CodeVa + 4096, 40, UserRx);
        memory.WriteUInt32((CodeFrame << 12) + 4092, Addi(5, 0, 1));
        memory.WriteUInt32(40UL << 12, Addi(6, 0, 2));
        memory.WriteUInt32((40UL << 12) + 4, Ebreak);
        hart.Pc = CodeVa + 4092;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal((1UL, 2UL), (hart.ReadRegister(5), hart.ReadRegister(6)));
        Assert.Equal(CodeVa + 4096 + 4, hart.Pc);
    }

    [Fact]
    public void StoreFastPathIsFlushedWithTheMapping()
    {
        hart.WriteRegister(1, DataVa);
        hart.WriteRegister(2, 5);
        Assert.Equal(StopReason.Breakpoint, Run(Sd(2, 1, 0), Ebreak)); // fills the store TLB
        table.Unmap(DataVa);
        hart.Tlb.Flush(DataVa);
        hart.WriteRegister(2, 6);
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.StorePageFault, hart.Run(10));
        Assert.Equal(5UL, memory.ReadUInt64(DataFrame << 12));
    }

    [Fact]
    public void SatpWriteDropsCachedLoadTranslations()
    {
        var other = new Sv39PageTable(memory, () => nextFrame++);
        other.Map(CodeVa, CodeFrame, UserRx); // DataVa is not mapped there
        hart.WriteRegister(1, DataVa);
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 0), Ebreak));
        hart.Satp = other.Satp;
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.LoadPageFault, hart.Run(10));
        Assert.Equal(DataVa, hart.StopValue);
    }

    [Fact]
    public void SatpWriteDropsTheCachedCodePage()
    {
        var other = new Sv39PageTable(memory, () => nextFrame++);
        other.Map(CodeVa, 41, UserRx);
        memory.WriteUInt32(41UL << 12, Addi(5, 0, 2));
        memory.WriteUInt32((41UL << 12) + 4, Ebreak);
        Assert.Equal(StopReason.Breakpoint, Run(Addi(5, 0, 1), Ebreak));
        Assert.Equal(1UL, hart.ReadRegister(5));

        hart.Satp = other.Satp; // same VA, another frame's code
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal(2UL, hart.ReadRegister(5));

        hart.Satp = new Sv39PageTable(memory, () => nextFrame++).Satp; // nothing mapped
        hart.Pc = CodeVa;
        Assert.Equal(StopReason.InstructionPageFault, hart.Run(10));
        Assert.Equal(CodeVa, hart.StopValue);
    }

    [Fact]
    public void MisalignedAccessesInsideACachedPageAreExact()
    {
        memory.WriteUInt64((DataFrame << 12) + 8, 0x8877_6655_4433_2211);
        hart.WriteRegister(1, DataVa);
        hart.WriteRegister(3, 0xAABB_CCDD);
        // The aligned load and store fill the TLB; the misaligned ones miss it on purpose.
        Assert.Equal(StopReason.Breakpoint, Run(Ld(2, 1, 8), Sw(0, 1, 0), Lw(4, 1, 9), Sw(3, 1, 17), Ld(5, 1, 16), Ebreak));
        Assert.Equal(0x5544_3322UL, hart.ReadRegister(4));
        Assert.Equal(0x00AA_BBCC_DD00UL, hart.ReadRegister(5));
    }

    [Fact]
    public void CompressedLastInstructionFallsIntoTheNextVirtualPage()
    {
        table.Map(CodeVa + 4096, 40, UserRx);
        memory.Write((CodeFrame << 12) + 4094, [0x85, 0x02]); // c.addi x5, 1
        memory.WriteUInt32(40UL << 12, Addi(6, 0, 2));
        memory.WriteUInt32((40UL << 12) + 4, Ebreak);
        hart.Pc = CodeVa + 4094;
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal((1UL, 2UL), (hart.ReadRegister(5), hart.ReadRegister(6)));
        Assert.Equal(2L, hart.Instret);
    }

    [Fact]
    public void BudgetRunningOutAtAPageEndStopsAtTheNextPage()
    {
        table.Map(CodeVa + 4096, 40, UserRx);
        memory.WriteUInt32((CodeFrame << 12) + 4092, Addi(5, 0, 1));
        memory.WriteUInt32(40UL << 12, Addi(6, 0, 2));
        memory.WriteUInt32((40UL << 12) + 4, Ebreak);
        hart.Pc = CodeVa + 4092;
        Assert.Equal(StopReason.BudgetExhausted, hart.Run(1));
        Assert.Equal((CodeVa + 4096, 1L), (hart.Pc, hart.Instret));
        Assert.Equal(0UL, hart.ReadRegister(6));
        Assert.Equal(StopReason.Breakpoint, hart.Run(10));
        Assert.Equal((2UL, 2L), (hart.ReadRegister(6), hart.Instret));
    }

    [Fact]
    public void UnsupportedSatpModeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => hart.Satp = 9UL << 60); // Sv48
    }

    private ulong LeafPteAddress(ulong va)
    {
        ulong t = table.RootFrame << 12;
        for (int level = 2; level > 0; level--)
            t = new Pte(memory.ReadUInt64(t + ((va >> (12 + 9 * level)) & 511) * 8)).Ppn << 12;
        return t + ((va >> 12) & 511) * 8;
    }
}
