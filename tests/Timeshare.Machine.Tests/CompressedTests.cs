using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Tests;

public sealed class CompressedTests
{
    /// <summary>Pairs assembled by llvm-mc with and without the C extension.</summary>
    [Theory]
    [InlineData(0x1FE0, 0x3FC10413u)] // addi s0, sp, 1020
    [InlineData(0x3CE8, 0x0F84B507u)] // fld fa0, 248(s1)
    [InlineData(0x5D7C, 0x07C52783u)] // lw a5, 124(a0)
    [InlineData(0x7F74, 0x0F873683u)] // ld a3, 248(a4)
    [InlineData(0xA604, 0x00963427u)] // fsd fs1, 8(a2)
    [InlineData(0xC0A8, 0x04A4A023u)] // sw a0, 64(s1)
    [InlineData(0xE3C4, 0x0897B023u)] // sd s1, 128(a5)
    [InlineData(0x1501, 0xFE050513u)] // addi a0, a0, -32
    [InlineData(0x02FD, 0x01F28293u)] // addi t0, t0, 31
    [InlineData(0x35FD, 0xFFF5859Bu)] // addiw a1, a1, -1
    [InlineData(0x563D, 0xFEF00613u)] // addi a2, zero, -17
    [InlineData(0x7101, 0xE0010113u)] // addi sp, sp, -512
    [InlineData(0x617D, 0x1F010113u)] // addi sp, sp, 496
    [InlineData(0x7901, 0xFFFE0937u)] // lui s2, 0xfffe0
    [InlineData(0x657D, 0x0001F537u)] // lui a0, 0x1f
    [InlineData(0x92FD, 0x03F6D693u)] // srli a3, a3, 63
    [InlineData(0x8705, 0x40175713u)] // srai a4, a4, 1
    [InlineData(0x9879, 0xFFE47413u)] // andi s0, s0, -2
    [InlineData(0x8D0D, 0x40B50533u)] // sub a0, a0, a1
    [InlineData(0x8CBD, 0x00F4C4B3u)] // xor s1, s1, a5
    [InlineData(0x8E55, 0x00D66633u)] // or a2, a2, a3
    [InlineData(0x8F7D, 0x00F77733u)] // and a4, a4, a5
    [InlineData(0x9D05, 0x4095053Bu)] // subw a0, a0, s1
    [InlineData(0x9FB9, 0x00E787BBu)] // addw a5, a5, a4
    [InlineData(0xB001, 0x801FF06Fu)] // j -2048
    [InlineData(0xAFFD, 0x7FE0006Fu)] // j 2046
    [InlineData(0xD101, 0xF00500E3u)] // beq a0, zero, -256
    [InlineData(0xECFD, 0x0E049F63u)] // bne s1, zero, 254
    [InlineData(0x1F86, 0x021F9F93u)] // slli t6, t6, 33
    [InlineData(0x31FE, 0x1F813187u)] // fld ft3, 504(sp)
    [InlineData(0x50FE, 0x0FC12083u)] // lw ra, 252(sp)
    [InlineData(0x73FE, 0x1F813383u)] // ld t2, 504(sp)
    [InlineData(0x8082, 0x00008067u)] // jalr zero, 0(ra)
    [InlineData(0x857A, 0x01E00533u)] // add a0, zero, t5
    [InlineData(0x9002, 0x00100073u)] // ebreak
    [InlineData(0x9302, 0x000300E7u)] // jalr ra, 0(t1)
    [InlineData(0x994E, 0x01390933u)] // add s2, s2, s3
    [InlineData(0xBFFE, 0x1FF13C27u)] // fsd ft11, 504(sp)
    [InlineData(0xDFF6, 0x0FD12E23u)] // sw t4, 252(sp)
    [InlineData(0xFF8E, 0x1E313C23u)] // sd gp, 504(sp)
    public void ExpandsToTheBaseInstruction(int compressed, uint expanded) =>
        Assert.Equal(expanded, CompressedExpander.Expand((ushort)compressed));

    [Theory]
    [InlineData(0x0000)] // c.unimp (C.ADDI4SPN with imm 0)
    [InlineData(0x0004)] // C.ADDI4SPN rd'=x9, imm 0
    [InlineData(0x6281)] // C.LUI x5, 0
    [InlineData(0x6101)] // C.ADDI16SP 0
    [InlineData(0x2005)] // C.ADDIW with rd = x0
    [InlineData(0x4002)] // C.LWSP with rd = x0
    [InlineData(0x6002)] // C.LDSP with rd = x0
    [InlineData(0x8002)] // C.JR with rs1 = x0
    [InlineData(0x8000)] // quadrant 0, funct3 100: reserved
    [InlineData(0x9C41)] // CA with bit 12 set and funct2 10: reserved
    public void ReservedEncodingsAreIllegal(int bits)
    {
        Assert.Equal(0u, CompressedExpander.Expand((ushort)bits));
        Assert.Equal(Op.Illegal, Decoder.DecodeCompressed((ushort)bits).Op);
    }

    [Fact]
    public void DecodedCompressedOpsHaveLengthTwo()
    {
        DecodedOp op = Decoder.DecodeCompressed(0x1501); // c.addi a0, -32
        Assert.Equal(Op.Addi, op.Op);
        Assert.Equal(2, op.Len);
        Assert.Equal(-32, op.Imm);
    }

    [Fact]
    public void MixedLengthProgramRuns()
    {
        var m = new TestMachine();
        // c.li a0, 10; loop: c.add a1, a0; c.addi a0, -1; c.bnez a0, loop; ebreak (4 bytes) -- llvm-mc encodings
        byte[] code = [0x29, 0x45, 0xAA, 0x95, 0x7D, 0x15, 0x75, 0xFD, 0x73, 0x00, 0x10, 0x00];
        m.Memory.Write(TestMachine.CodeBase, code);
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(1000));
        Assert.Equal(55UL, m[11]);
        Assert.Equal(TestMachine.CodeBase + 8, m.Hart.Pc);
        Assert.Equal(1 + 3 * 10L, m.Hart.Instret);
    }

    [Fact]
    public void CompressedJalrLinksToTheNextHalfword()
    {
        var m = new TestMachine();
        m[6] = TestMachine.CodeBase + 0x40;
        m.Memory.Write(TestMachine.CodeBase, [0x02, 0x93]);       // c.jalr t1
        m.Memory.Write(TestMachine.CodeBase + 0x40, [0x02, 0x90]); // c.ebreak
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(TestMachine.CodeBase + 2, m[1]);
        Assert.Equal(TestMachine.CodeBase + 0x40, m.Hart.Pc);
    }

    [Fact]
    public void IllegalCompressedReportsSixteenBits()
    {
        var m = new TestMachine();
        m.Memory.Write(TestMachine.CodeBase, [0x01, 0x61, 0x00, 0x00]); // C.ADDI16SP 0, then zeros
        Assert.Equal(StopReason.IllegalInstruction, m.Hart.Run(10));
        Assert.Equal(0x6101UL, m.Hart.StopValue);
    }

    [Fact]
    public void CompressedLoadsAndStoresUseScaledOffsets()
    {
        var m = new TestMachine();
        m[2] = TestMachine.DataBase;        // sp
        m[9] = 0x1122_3344_5566_7788;       // s1
        // c.sdsp s1, 504(sp) = 0xFFA6; c.ldsp t2, 504(sp) = 0x73FE; c.ebreak (encodings from llvm-mc)
        m.Memory.Write(TestMachine.CodeBase, [0xA6, 0xFF, 0xFE, 0x73, 0x02, 0x90]);
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(0x1122_3344_5566_7788UL, m.Memory.ReadUInt64(TestMachine.DataBase + 504));
        Assert.Equal(0x1122_3344_5566_7788UL, m[7]);
    }
}
