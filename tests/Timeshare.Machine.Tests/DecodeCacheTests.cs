using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

/// <summary>The decode cache must never run stale code: stores, loader writes and explicit invalidation all refresh it.</summary>
public sealed class DecodeCacheTests
{
    [Fact]
    public void StoreOverAlreadyExecutedCodeTakesEffect()
    {
        var m = new TestMachine();
        ulong target = TestMachine.CodeBase + 0x100;
        m.Load(target, Addi(5, 0, 1), Jalr(0, 1, 0));          // subroutine: x5 = 1; return
        m[6] = Addi(5, 0, 2);                                  // replacement instruction
        m[7] = target;
        // call it, overwrite its first instruction, call it again
        m.RunToBreak(Jal(1, 0x100), Add(8, 5, 0), Sw(6, 7, 0), FenceI, Jal(1, 0x100 - 16), Add(9, 5, 0));
        Assert.Equal(1UL, m[8]);
        Assert.Equal(2UL, m[9]);
    }

    [Fact]
    public void InstructionMayOverwriteTheNextInstructionInTheSamePage()
    {
        var m = new TestMachine();
        m[6] = Addi(5, 0, 42);
        m[7] = TestMachine.CodeBase + 4;
        // sw patches the instruction right after it, which was never executed but may be decoded
        m.RunToBreak(Sw(6, 7, 0), Addi(5, 0, 1));
        Assert.Equal(42UL, m[5]);
    }

    [Fact]
    public void StoreThatOverwritesItselfContinuesAfterIt()
    {
        var m = new TestMachine();
        m[6] = Addi(5, 0, 9);
        m[7] = TestMachine.CodeBase;
        m.Load(TestMachine.CodeBase, Sw(6, 7, 0), Addi(8, 0, 1), Jal(0, -8));
        // First pass: the store replaces itself, then x8 = 1, jump back to the new "addi x5, x0, 9".
        Assert.Equal(StopReason.BudgetExhausted, m.Hart.Run(5));
        Assert.Equal(9UL, m[5]);
        Assert.Equal(1UL, m[8]);
    }

    [Fact]
    public void LoaderWritesBetweenRunsAreSeen()
    {
        var m = new TestMachine();
        m.RunToBreak(Addi(5, 0, 1));
        Assert.Equal(1UL, m[5]);
        m.RunToBreak(Addi(5, 0, 2));   // PhysicalMemory.WriteUInt32 drops the decoded page
        Assert.Equal(2UL, m[5]);
    }

    [Fact]
    public void AmoOverCodeInvalidates()
    {
        var m = new TestMachine();
        ulong target = TestMachine.CodeBase + 0x100;
        m.Load(target, Addi(5, 0, 1), Jalr(0, 1, 0));
        m[6] = Addi(5, 0, 3);
        m[7] = target;
        m.RunToBreak(Jal(1, 0x100), Amo(0x01, 2, 0, 7, 6), Jal(1, 0x100 - 8));
        Assert.Equal(3UL, m[5]);
    }

    [Fact]
    public void ExplicitInvalidationAfterDirectByteChangesIsHonoured()
    {
        var m = new TestMachine();
        m.RunToBreak(Addi(5, 0, 1));
        // The kernel may also invalidate explicitly, e.g. after mapping a frame it filled elsewhere.
        m.Memory.InvalidateDecodedInstructions();
        m.Hart.Pc = TestMachine.CodeBase;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(1UL, m[5]);
    }

    [Fact]
    public void InstructionStraddlingAPageBoundaryExecutes()
    {
        var m = new TestMachine();
        ulong start = 0x2000 - 2;
        // A 2-byte c.addi x5, x5, 1 (0x0285) first, so the 4-byte addi after it straddles the boundary.
        m.Memory.Write(start - 2, [0x85, 0x02]);
        byte[] addi = BitConverter.GetBytes(Addi(6, 0, 7));
        m.Memory.Write(start, addi);
        m.Memory.WriteUInt32(start + 4, Ebreak);
        m.Hart.Pc = start - 2;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(1UL, m[5]);
        Assert.Equal(7UL, m[6]);
        // and it is re-read every time: patch the upper half and run again
        m.Memory.Write(start, BitConverter.GetBytes(Addi(6, 0, 9)));
        m.Hart.Pc = start;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(9UL, m[6]);
    }

    [Fact]
    public void StraddlingBranchTakenBackIntoItsFirstPage()
    {
        var m = new TestMachine();
        m.Load(0x1FF8, Addi(5, 5, 1));                              // loop: x5++
        m.Memory.Write(0x1FFC, [0x01, 0x00]);                       // c.nop
        m.Memory.Write(0x1FFE, BitConverter.GetBytes(Blt(5, 7, -6))); // straddles: x5 < x7 -> loop
        m.Load(0x2002, Ebreak);
        m[7] = 3;
        m.Hart.Pc = 0x1FF8;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(100));
        Assert.Equal(3UL, m[5]);
        Assert.Equal((0x2002UL, 9L), (m.Hart.Pc, m.Hart.Instret));
    }

    [Fact]
    public void StoreAndFenceIPatchCodeLaterInTheSamePageWhileStepping()
    {
        // Sequential execution steps through decoded slots: a store ahead of pc must still be seen.
        var m = new TestMachine();
        m.Load(TestMachine.CodeBase, Sw(6, 7, 0), FenceI, Addi(0, 0, 0), Addi(0, 0, 0), Addi(5, 0, 3), Ebreak);
        m[6] = Addi(5, 0, 7);
        m[7] = TestMachine.DataBase;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10)); // every slot decoded
        Assert.Equal(3UL, m[5]);
        m[7] = TestMachine.CodeBase + 16;                    // now the store patches slot 4
        m.Hart.Pc = TestMachine.CodeBase;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(7UL, m[5]);
    }

    [Fact]
    public void DataPageThatBecomesCodeStopsTakingFastStores()
    {
        // A JIT-like guest: write code into a data page (the TLB caches it as writable), run it,
        // rewrite it, run it again. The second write must invalidate the decoded page.
        var m = new TestMachine();
        ulong page = TestMachine.DataBase;
        m[1] = page;
        m[6] = Addi(5, 0, 1);
        m[7] = Addi(5, 0, 2);
        m[8] = Jalr(0, 9, 0);
        m.RunToBreak(
            Sw(6, 1, 0), Sw(8, 1, 4),   // emit "x5 = 1; ret" with fast stores
            Jalr(9, 1, 0),              // call it
            Add(10, 5, 0),
            Sw(7, 1, 0),                // emit "x5 = 2"
            Jalr(9, 1, 0),              // call it again
            Add(11, 5, 0));
        Assert.Equal(1UL, m[10]);
        Assert.Equal(2UL, m[11]);
    }
}
