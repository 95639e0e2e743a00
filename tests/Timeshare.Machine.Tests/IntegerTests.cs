using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class IntegerTests
{
    private const ulong Neg1 = ulong.MaxValue;
    private const ulong MinI64 = 0x8000_0000_0000_0000;

    [Theory]
    [InlineData(5UL, 7UL, 12UL)]
    [InlineData(Neg1, 1UL, 0UL)]
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, 1UL, MinI64)]
    public void AddWraps(ulong a, ulong b, ulong sum) => Assert.Equal(sum, TestMachine.Exec(Asm.Add(3, 1, 2), a, b));

    [Theory]
    [InlineData(5UL, 7UL, Neg1 - 1)]
    [InlineData(0UL, 1UL, Neg1)]
    public void SubWraps(ulong a, ulong b, ulong diff) => Assert.Equal(diff, TestMachine.Exec(Asm.Sub(3, 1, 2), a, b));

    [Fact]
    public void LogicOps()
    {
        Assert.Equal(0b0110UL, TestMachine.Exec(Xor(3, 1, 2), 0b1100, 0b1010));
        Assert.Equal(0b1110UL, TestMachine.Exec(Or(3, 1, 2), 0b1100, 0b1010));
        Assert.Equal(0b1000UL, TestMachine.Exec(And(3, 1, 2), 0b1100, 0b1010));
        Assert.Equal(0xFFFF_FFFF_FFFF_F0F3UL, TestMachine.Exec(Xori(3, 1, -13), 0xF00));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFFUL, TestMachine.Exec(Ori(3, 1, -1), 0x12));
        Assert.Equal(0x34UL, TestMachine.Exec(Andi(3, 1, 0x7FF), 0xFFFF_0034));
    }

    [Theory]
    [InlineData(1UL, 2UL, 1UL)]
    [InlineData(Neg1, 0UL, 1UL)]   // -1 < 0 signed
    [InlineData(2UL, 1UL, 0UL)]
    public void SltIsSigned(ulong a, ulong b, ulong expected) => Assert.Equal(expected, TestMachine.Exec(Asm.Slt(3, 1, 2), a, b));

    [Theory]
    [InlineData(Neg1, 0UL, 0UL)]   // max unsigned is not below 0
    [InlineData(0UL, 1UL, 1UL)]
    public void SltuIsUnsigned(ulong a, ulong b, ulong expected) => Assert.Equal(expected, TestMachine.Exec(Asm.Sltu(3, 1, 2), a, b));

    [Fact]
    public void SetLessThanImmediate()
    {
        Assert.Equal(1UL, TestMachine.Exec(Slti(3, 1, -1), Neg1 - 1));
        Assert.Equal(0UL, TestMachine.Exec(Slti(3, 1, -1), 0));
        // SLTIU compares against the sign-extended immediate as unsigned: -1 is the max value.
        Assert.Equal(1UL, TestMachine.Exec(Sltiu(3, 1, -1), 12345));
        Assert.Equal(1UL, TestMachine.Exec(Sltiu(3, 1, 1), 0)); // seqz
    }

    [Fact]
    public void ShiftsUseLowSixBitsOfRegister()
    {
        Assert.Equal(2UL, TestMachine.Exec(Sll(3, 1, 2), 1, 65));
        Assert.Equal(MinI64, TestMachine.Exec(Sll(3, 1, 2), 1, 63));
        Assert.Equal(1UL, TestMachine.Exec(Srl(3, 1, 2), MinI64, 63 + 64));
        Assert.Equal(Neg1, TestMachine.Exec(Sra(3, 1, 2), MinI64, 63));
    }

    [Fact]
    public void ImmediateShifts()
    {
        Assert.Equal(MinI64, TestMachine.Exec(Slli(3, 1, 63), 1));
        Assert.Equal(1UL, TestMachine.Exec(Srli(3, 1, 63), MinI64));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFF0UL, TestMachine.Exec(Srai(3, 1, 4), 0xFFFF_FFFF_FFFF_FF00));
    }

    [Fact]
    public void WordOpsSignExtend32BitResults()
    {
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Addw(3, 1, 2), 0x7FFF_FFFF, 1));
        Assert.Equal(0UL, TestMachine.Exec(Addw(3, 1, 2), 0x1_0000_0000, 0));  // upper bits ignored
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFFUL, TestMachine.Exec(Subw(3, 1, 2), 0x5_0000_0000, 1));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Addiw(3, 1, 1), 0x7FFF_FFFF));
        Assert.Equal(0x7FFF_FFFFUL, TestMachine.Exec(Addiw(3, 1, 0), 0xFFFF_FFFF_7FFF_FFFF)); // sext.w
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Slliw(3, 1, 31), 1));
        Assert.Equal(1UL, TestMachine.Exec(Srliw(3, 1, 31), 0xFFFF_FFFF_8000_0000));
        Assert.Equal(Neg1, TestMachine.Exec(Sraiw(3, 1, 31), 0x8000_0000));
        // Register *W shifts use the low five bits.
        Assert.Equal(2UL, TestMachine.Exec(Sllw(3, 1, 2), 1, 33));
        Assert.Equal(0x4000_0000UL, TestMachine.Exec(Srlw(3, 1, 2), 0x8000_0000, 33));
        Assert.Equal(0xFFFF_FFFF_C000_0000UL, TestMachine.Exec(Sraw(3, 1, 2), 0x8000_0000, 33));
    }

    [Fact]
    public void LuiAndAuipc()
    {
        var m = new TestMachine();
        m.RunToBreak(Lui(1, 0x80000), Auipc(2, 1), Lui(0, 5));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, m[1]);
        Assert.Equal(TestMachine.CodeBase + 4 + 0x1000, m[2]);
        Assert.Equal(0UL, m[0]);
    }

    [Fact]
    public void WritesToX0AreDiscarded()
    {
        var m = new TestMachine();
        m.RunToBreak(Addi(0, 0, 5), Add(1, 0, 0));
        Assert.Equal(0UL, m[0]);
        Assert.Equal(0UL, m[1]);
    }

    [Fact]
    public void JalLinksAndJumps()
    {
        var m = new TestMachine();
        // 0: jal x1, +8 ; 4: addi x5,x0,1 (skipped) ; 8: ebreak
        Assert.Equal(StopReason.Breakpoint, m.RunCode(Jal(1, 8), Addi(5, 0, 1), Ebreak));
        Assert.Equal(TestMachine.CodeBase + 4, m[1]);
        Assert.Equal(0UL, m[5]);
        Assert.Equal(TestMachine.CodeBase + 8, m.Hart.Pc);
    }

    [Fact]
    public void JalrClearsBitZeroAndReadsRs1BeforeLinking()
    {
        var m = new TestMachine();
        m[1] = TestMachine.CodeBase + 9;
        // jalr x1, 3(x1): target (CodeBase+12) & ~1 = CodeBase+12, and rd = rs1 must use the old value.
        Assert.Equal(StopReason.Breakpoint, m.RunCode(Jalr(1, 1, 3), Ebreak, Ebreak, Ebreak));
        Assert.Equal(TestMachine.CodeBase + 12, m.Hart.Pc);
        Assert.Equal(TestMachine.CodeBase + 4, m[1]);
    }

    [Theory]
    [InlineData(0, 5UL, 5UL, true)]    // beq
    [InlineData(0, 5UL, 6UL, false)]
    [InlineData(1, 5UL, 6UL, true)]    // bne
    [InlineData(4, Neg1, 0UL, true)]   // blt: -1 < 0
    [InlineData(5, Neg1, 0UL, false)]  // bge
    [InlineData(5, 3UL, 3UL, true)]
    [InlineData(6, Neg1, 0UL, false)]  // bltu
    [InlineData(6, 0UL, Neg1, true)]
    [InlineData(7, Neg1, 0UL, true)]   // bgeu
    public void Branches(int f3, ulong a, ulong b, bool taken)
    {
        var m = new TestMachine();
        m[1] = a;
        m[2] = b;
        // branch +8 over "addi x5, x0, 1"
        Assert.Equal(StopReason.Breakpoint, m.RunCode(B(f3, 1, 2, 8), Addi(5, 0, 1), Ebreak));
        Assert.Equal(taken ? 0UL : 1UL, m[5]);
    }

    [Fact]
    public void BackwardBranchLoops()
    {
        var m = new TestMachine();
        // x1 = 10; loop: x2 += x1; x1 -= 1; bne x1, x0, loop
        m.RunToBreak(Addi(1, 0, 10), Add(2, 2, 1), Addi(1, 1, -1), Bne(1, 0, -8));
        Assert.Equal(55UL, m[2]);
        Assert.Equal(1 + 3 * 10 + 0L, m.Hart.Instret);
    }
}
