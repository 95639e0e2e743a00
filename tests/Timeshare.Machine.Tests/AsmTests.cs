namespace Timeshare.Machine.Tests;

/// <summary>The test assembler agrees with an independent assembler (encodings from LLVM's llvm-mc).</summary>
public sealed class AsmTests
{
    public static TheoryData<uint, uint> Encodings => new()
    {
        { Asm.Addi(10, 11, -5), 0xFFB58513 },        // addi a0, a1, -5
        { Asm.Lui(5, 0xFFFFF), 0xFFFFF2B7 },         // lui t0, 0xfffff
        { Asm.Jal(1, -8), 0xFF9FF0EF },              // jal ra, -8
        { Asm.Bne(10, 11, -4), 0xFEB51EE3 },         // bne a0, a1, -4
        { Asm.Bgeu(5, 6, 4094), 0x7E62FFE3 },        // bgeu t0, t1, 4094
        { Asm.Sd(10, 2, -16), 0xFEA13823 },          // sd a0, -16(sp)
        { Asm.Srai(10, 10, 63), 0x43F55513 },        // srai a0, a0, 63
        { Asm.Sraiw(10, 10, 31), 0x41F5551B },       // sraiw a0, a0, 31
        { Asm.Mulhsu(10, 11, 12), 0x02C5A533 },      // mulhsu a0, a1, a2
        { Asm.Remuw(10, 11, 12), 0x02C5F53B },       // remuw a0, a1, a2
        { Asm.Csrrs(10, 0xC00, 0), 0xC0002573 },     // rdcycle a0
        { Asm.Amo(0x1C, 3, 10, 11, 12), 0xE0C5B52F },// amomaxu.d a0, a2, (a1)
        { Asm.ScW(10, 11, 12), 0x18C5A52F },         // sc.w a0, a2, (a1)
        { Asm.Fma(Asm.FmaddOpcode, 1, 10, 11, 12, 13, 1), 0x6AC59543 }, // fmadd.d fa0, fa1, fa2, fa3, rtz
        { Asm.FcvtToInt(0, 3, 10, 11, 1), 0xC0359553 }, // fcvt.lu.s a0, fa1, rtz
        { Asm.Fsd(10, 2, 8), 0x00A13427 },           // fsd fa0, 8(sp)
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodingMatchesLlvm(uint ours, uint llvm) => Assert.Equal(llvm, ours);
}
