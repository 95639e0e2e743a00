using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

/// <summary>F and D instructions through the hart: boxing, rounding-mode selection, fflags, moves and conversions.</summary>
public sealed class FpInstructionTests
{
    private const int S = 0, D = 1;
    private const ulong Box = 0xFFFF_FFFF_0000_0000;
    private const ulong CanonicalSingleNaN = 0x7FC0_0000;

    private static ulong Bits(double d) => BitConverter.DoubleToUInt64Bits(d);
    private static ulong Boxed(float f) => Box | BitConverter.SingleToUInt32Bits(f);

    private static TestMachine WithF(params (int reg, ulong bits)[] values)
    {
        var m = new TestMachine();
        foreach (var (reg, bits) in values)
            m.Hart.WriteFpRegister(reg, bits);
        return m;
    }

    [Fact]
    public void SingleResultsAreNaNBoxed()
    {
        var m = WithF((1, Boxed(1.5f)), (2, Boxed(2.25f)));
        m.RunToBreak(Fadd(S, 3, 1, 2));
        Assert.Equal(Boxed(3.75f), m.Hart.ReadFpRegister(3));
    }

    [Fact]
    public void ImproperlyBoxedSingleInputReadsAsCanonicalNaN()
    {
        var m = WithF((1, BitConverter.SingleToUInt32Bits(1.5f)), (2, Boxed(2f))); // upper half zero: not boxed
        m.RunToBreak(Fadd(S, 3, 1, 2), Fclass(S, 5, 1), Fsgnj(S, 4, 1, 2));
        Assert.Equal(Box | CanonicalSingleNaN, m.Hart.ReadFpRegister(3));
        Assert.Equal(1UL << 9, m[5]); // quiet NaN
        Assert.Equal(Box | CanonicalSingleNaN, m.Hart.ReadFpRegister(4));
        Assert.Equal(0u, m.Hart.Fcsr); // canonical NaN is quiet: no NV
    }

    [Fact]
    public void DoubleOpsSeeAllSixtyFourBits()
    {
        var m = WithF((1, Bits(1.0 / 3)), (2, Bits(3.0)));
        m.RunToBreak(Fmul(D, 3, 1, 2, rm: 0));
        Assert.Equal(1.0, BitConverter.UInt64BitsToDouble(m.Hart.ReadFpRegister(3)));
    }

    [Fact]
    public void DynamicRoundingModeComesFromFrm()
    {
        // 1 + 2^-60 rounds to 1 (RNE) or to the next double up (RUP).
        var m = WithF((1, Bits(1.0)), (2, Bits(Math.Pow(2, -60))));
        m.RunToBreak(Fadd(D, 3, 1, 2), Csrrwi(0, 0x002, 3), Fadd(D, 4, 1, 2), Fadd(D, 5, 1, 2, rm: 1));
        Assert.Equal(Bits(1.0), m.Hart.ReadFpRegister(3));
        Assert.Equal(Bits(1.0) + 1, m.Hart.ReadFpRegister(4));
        Assert.Equal(Bits(1.0), m.Hart.ReadFpRegister(5)); // static RTZ overrides frm
        Assert.Equal((3u << 5) | 1u, m.Hart.Fcsr);         // NX accrued
    }

    [Fact]
    public void InvalidFrmWithDynamicRoundingIsIllegal()
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Csrrwi(0, 0x002, 5), Fadd(D, 3, 1, 2)));
        Assert.Equal(Fadd(D, 3, 1, 2), m.Hart.StopValue);
        Assert.Equal(TestMachine.CodeBase + 4, m.Hart.Pc);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void ReservedRoundingModeFieldIsIllegal(int rm)
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Fadd(D, 3, 1, 2, rm)));
    }

    [Fact]
    public void FlagsAccumulateInFflags()
    {
        var m = WithF((1, Bits(1.0)), (2, Bits(0.0)), (3, 0x7FF0_0000_0000_0001));
        m.RunToBreak(Fdiv(D, 4, 1, 2), Flt(D, 5, 3, 1), Csrrs(6, 0x001, 0));
        Assert.Equal((ulong)(0x08 | 0x10), m[6]); // DZ | NV
        Assert.Equal(0UL, m[5]);
    }

    [Fact]
    public void LoadsAndStores()
    {
        var m = new TestMachine();
        m.Memory.WriteUInt32(TestMachine.DataBase, BitConverter.SingleToUInt32Bits(-2.5f));
        m.Memory.WriteUInt64(TestMachine.DataBase + 8, Bits(6.25));
        m[1] = TestMachine.DataBase;
        m.Hart.WriteFpRegister(9, 0x1234_5678_9ABC_DEF0); // not a boxed single: FSW stores the low word as is
        m.RunToBreak(Flw(2, 1, 0), Fld(3, 1, 8), Fsw(9, 1, 16), Fsd(3, 1, 24));
        Assert.Equal(Boxed(-2.5f), m.Hart.ReadFpRegister(2));
        Assert.Equal(Bits(6.25), m.Hart.ReadFpRegister(3));
        Assert.Equal(0x9ABC_DEF0u, m.Memory.ReadUInt32(TestMachine.DataBase + 16));
        Assert.Equal(Bits(6.25), m.Memory.ReadUInt64(TestMachine.DataBase + 24));
    }

    [Fact]
    public void MovesBetweenRegisterFiles()
    {
        var m = WithF((1, Box | 0x8000_0001), (2, 0x1122_3344_5566_7788));
        m[5] = 0xAAAA_BBBB_C0C0_D0D0;
        m.RunToBreak(FmvXF(S, 6, 1), FmvXF(D, 7, 2), FmvFX(S, 3, 5), FmvFX(D, 4, 5));
        Assert.Equal(0xFFFF_FFFF_8000_0001UL, m[6]);  // sign-extended low word
        Assert.Equal(0x1122_3344_5566_7788UL, m[7]);
        Assert.Equal(Box | 0xC0C0_D0D0, m.Hart.ReadFpRegister(3));
        Assert.Equal(0xAAAA_BBBB_C0C0_D0D0UL, m.Hart.ReadFpRegister(4));
    }

    [Fact]
    public void SignInjection()
    {
        var m = WithF((1, Bits(2.0)), (2, Bits(-1.0)), (3, Bits(-4.0)));
        m.RunToBreak(Fsgnj(D, 4, 1, 2), Fsgnjn(D, 5, 1, 2), Fsgnjx(D, 6, 3, 2), Fsgnjx(D, 7, 1, 1));
        Assert.Equal(Bits(-2.0), m.Hart.ReadFpRegister(4));
        Assert.Equal(Bits(2.0), m.Hart.ReadFpRegister(5));
        Assert.Equal(Bits(4.0), m.Hart.ReadFpRegister(6));
        Assert.Equal(Bits(2.0), m.Hart.ReadFpRegister(7));
    }

    [Fact]
    public void ConversionsThroughInstructions()
    {
        var m = WithF((1, Bits(-3.7)), (2, Boxed(3e9f)));
        m[5] = unchecked((ulong)-7L);
        m.RunToBreak(
            FcvtToInt(D, 0, 6, 1, rm: 1),      // fcvt.w.d rtz -> -3
            FcvtToInt(S, 1, 7, 2, rm: 1),      // fcvt.wu.s 3e9 -> 3000000000, sign-extended
            FcvtFromInt(D, 0, 3, 5),           // fcvt.d.w -7
            FcvtFromInt(S, 3, 4, 5),           // fcvt.s.lu 2^64-7 -> 2^64
            FcvtSD(8, 1),                      // fcvt.s.d -3.7
            FcvtDS(9, 2));                     // fcvt.d.s 3e9
        Assert.Equal(unchecked((ulong)-3L), m[6]);
        Assert.Equal(unchecked((ulong)(long)(int)3000000000u), m[7]);
        Assert.Equal(Bits(-7.0), m.Hart.ReadFpRegister(3));
        Assert.Equal(Boxed(18446744073709551616f), m.Hart.ReadFpRegister(4));
        Assert.Equal(Boxed(-3.7f), m.Hart.ReadFpRegister(8));
        Assert.Equal(Bits(3e9), m.Hart.ReadFpRegister(9));
    }

    [Fact]
    public void FusedMultiplyAddInstructions()
    {
        var m = WithF((1, Bits(2.0)), (2, Bits(3.0)), (3, Bits(1.0)));
        m.RunToBreak(
            Fma(FmaddOpcode, D, 4, 1, 2, 3, 7),
            Fma(FmsubOpcode, D, 5, 1, 2, 3, 7),
            Fma(FnmsubOpcode, D, 6, 1, 2, 3, 7),
            Fma(FnmaddOpcode, D, 7, 1, 2, 3, 7));
        Assert.Equal(Bits(7.0), m.Hart.ReadFpRegister(4));
        Assert.Equal(Bits(5.0), m.Hart.ReadFpRegister(5));
        Assert.Equal(Bits(-5.0), m.Hart.ReadFpRegister(6));
        Assert.Equal(Bits(-7.0), m.Hart.ReadFpRegister(7));
    }

    [Fact]
    public void ComparisonsMinMaxSqrtAndClassThroughInstructions()
    {
        var m = WithF((1, Boxed(-0f)), (2, Boxed(0f)), (3, Bits(16.0)));
        m.RunToBreak(Feq(S, 5, 1, 2), Fle(S, 6, 2, 1), Fmin(S, 4, 2, 1), Fsqrt(D, 8, 3), Fclass(D, 7, 3), Fmax(D, 9, 3, 3));
        Assert.Equal(1UL, m[5]);
        Assert.Equal(1UL, m[6]);
        Assert.Equal(Boxed(-0f), m.Hart.ReadFpRegister(4));
        Assert.Equal(Bits(4.0), m.Hart.ReadFpRegister(8));
        Assert.Equal(1UL << 6, m[7]);
        Assert.Equal(Bits(16.0), m.Hart.ReadFpRegister(9));
    }
}
