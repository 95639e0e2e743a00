using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Tests;

/// <summary>Hand-picked IEEE 754 / RISC-V corner cases of the soft-float core.</summary>
public sealed class SoftFloatTests
{
    private static readonly FpFormat D = FpFormat.Double;
    private static readonly FpFormat S = FpFormat.Single;
    private const ulong DoubleSignalingNaN = 0x7FF0_0000_0000_0001;
    private const ulong DoubleQuietNaN = 0x7FF8_0000_0000_0001; // quiet, non-canonical payload
    private const ulong SingleSignalingNaN = 0x7F80_0001;
    private const ulong MinNormal = 0x0010_0000_0000_0000;       // 2^-1022

    private static ulong Bits(double d) => BitConverter.DoubleToUInt64Bits(d);
    private static ulong Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    [Fact]
    public void NaNResultsAreCanonicalAndOnlySignalingNaNsRaiseInvalid()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(D.CanonicalNaN, SoftFloat.Add(D, DoubleQuietNaN, Bits(1.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.None, flags);
        Assert.Equal(D.CanonicalNaN, SoftFloat.Mul(D, Bits(1.0), DoubleSignalingNaN, RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public void InfinityMinusInfinityIsInvalid(double a, double b)
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(D.CanonicalNaN, SoftFloat.Add(D, Bits(a), Bits(b), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Fact]
    public void DivisionSpecialCases()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(double.NegativeInfinity), SoftFloat.Div(D, Bits(-1.0), Bits(0.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.DivideByZero, flags);
        flags = FpFlags.None;
        Assert.Equal(D.CanonicalNaN, SoftFloat.Div(D, Bits(0.0), Bits(-0.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
        flags = FpFlags.None;
        Assert.Equal(Bits(-0.0), SoftFloat.Div(D, Bits(1.0), Bits(double.NegativeInfinity), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.None, flags);
    }

    [Fact]
    public void SqrtOfNegativeIsInvalidButMinusZeroIsMinusZero()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(-0.0), SoftFloat.Sqrt(D, Bits(-0.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.None, flags);
        Assert.Equal(D.CanonicalNaN, SoftFloat.Sqrt(D, Bits(-4.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Theory]
    [InlineData(RoundingMode.NearestEven, false, 0x7FF0_0000_0000_0000UL)]
    [InlineData(RoundingMode.TowardZero, false, 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData(RoundingMode.Down, false, 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData(RoundingMode.Up, false, 0x7FF0_0000_0000_0000UL)]
    [InlineData(RoundingMode.Down, true, 0xFFF0_0000_0000_0000UL)]
    [InlineData(RoundingMode.Up, true, 0xFFEF_FFFF_FFFF_FFFFUL)]
    [InlineData(RoundingMode.NearestMaxMagnitude, true, 0xFFF0_0000_0000_0000UL)]
    public void OverflowRoundsToInfinityOrMaxByMode(RoundingMode rm, bool negative, ulong expected)
    {
        FpFlags flags = FpFlags.None;
        ulong max = D.MaxFinite | (negative ? D.SignBit : 0);
        Assert.Equal(expected, SoftFloat.Mul(D, max, Bits(2.0), rm, ref flags));
        Assert.Equal(FpFlags.Overflow | FpFlags.Inexact, flags);
    }

    [Fact]
    public void ExactSumOfOppositesIsPlusZeroExceptWhenRoundingDown()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(0.0), SoftFloat.Add(D, Bits(1.5), Bits(-1.5), RoundingMode.NearestEven, ref flags));
        Assert.Equal(Bits(-0.0), SoftFloat.Add(D, Bits(1.5), Bits(-1.5), RoundingMode.Down, ref flags));
        Assert.Equal(Bits(-0.0), SoftFloat.Add(D, Bits(-0.0), Bits(-0.0), RoundingMode.NearestEven, ref flags));
        Assert.Equal(Bits(0.0), SoftFloat.Add(D, Bits(-0.0), Bits(0.0), RoundingMode.Up, ref flags));
        Assert.Equal(FpFlags.None, flags);
    }

    [Fact]
    public void TininessIsDetectedAfterRounding()
    {
        // fma(-3*2^-600, 2^-477, 2^-1022) = 2^-1022 - 3*2^-1077. Rounded to the format it
        // becomes 2^-1022 (normal), but rounded with unbounded exponent to 53 bits it is
        // 2^-1022 - 2^-1075 < 2^-1022: tiny, so UF is raised with a normal result.
        FpFlags flags = FpFlags.None;
        ulong r = SoftFloat.MulAdd(D, Bits(-3 * Math.Pow(2, -600)), Bits(Math.Pow(2, -477)), MinNormal, false, false, RoundingMode.NearestEven, ref flags);
        Assert.Equal(MinNormal, r);
        Assert.Equal(FpFlags.Underflow | FpFlags.Inexact, flags);

        // 2^-1022 - 2^-1077 rounds to 2^-1022 even with unbounded exponent: not tiny.
        flags = FpFlags.None;
        r = SoftFloat.MulAdd(D, Bits(-Math.Pow(2, -600)), Bits(Math.Pow(2, -477)), MinNormal, false, false, RoundingMode.NearestEven, ref flags);
        Assert.Equal(MinNormal, r);
        Assert.Equal(FpFlags.Inexact, flags);
    }

    [Fact]
    public void ExactSubnormalResultDoesNotUnderflow()
    {
        FpFlags flags = FpFlags.None;
        ulong r = SoftFloat.Mul(D, MinNormal, Bits(0.5), RoundingMode.NearestEven, ref flags);
        Assert.Equal(MinNormal >> 1, r);
        Assert.Equal(FpFlags.None, flags);
    }

    [Fact]
    public void FusedMultiplyAddRoundsOnce()
    {
        // (1 + 2^-30)^2 - 1 = 2^-29 + 2^-60 exactly; a separate multiply would lose 2^-60.
        FpFlags flags = FpFlags.None;
        double x = 1 + Math.Pow(2, -30);
        ulong r = SoftFloat.MulAdd(D, Bits(x), Bits(x), Bits(-1.0), false, false, RoundingMode.NearestEven, ref flags);
        Assert.Equal(Math.Pow(2, -29) + Math.Pow(2, -60), BitConverter.UInt64BitsToDouble(r));
        Assert.Equal(FpFlags.None, flags);
    }

    [Fact]
    public void InfinityTimesZeroIsInvalidEvenWithQuietNaNAddend()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(D.CanonicalNaN, SoftFloat.MulAdd(D, Bits(double.PositiveInfinity), 0, DoubleQuietNaN, false, false, RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Fact]
    public void NegatedFusedForms()
    {
        FpFlags flags = FpFlags.None;
        ulong two = Bits(2.0), three = Bits(3.0), one = Bits(1.0);
        double Run(bool negP, bool negC) => BitConverter.UInt64BitsToDouble(SoftFloat.MulAdd(D, two, three, one, negP, negC, RoundingMode.NearestEven, ref flags));
        Assert.Equal(7.0, Run(false, false));   // fmadd
        Assert.Equal(5.0, Run(false, true));    // fmsub
        Assert.Equal(-5.0, Run(true, false));   // fnmsub: -(a*b) + c
        Assert.Equal(-7.0, Run(true, true));    // fnmadd: -(a*b) - c
    }

    [Theory]
    [InlineData(2.5, RoundingMode.NearestEven, 2L, true)]
    [InlineData(3.5, RoundingMode.NearestEven, 4L, true)]
    [InlineData(2.5, RoundingMode.NearestMaxMagnitude, 3L, true)]
    [InlineData(-2.5, RoundingMode.NearestMaxMagnitude, -3L, true)]
    [InlineData(-2.5, RoundingMode.Down, -3L, true)]
    [InlineData(-2.5, RoundingMode.Up, -2L, true)]
    [InlineData(-2.5, RoundingMode.TowardZero, -2L, true)]
    [InlineData(2.0, RoundingMode.Up, 2L, false)]
    public void ConvertToIntegerRoundsByMode(double value, RoundingMode rm, long expected, bool inexact)
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal((ulong)expected, SoftFloat.ToInteger(D, Bits(value), 32, true, rm, ref flags));
        Assert.Equal(inexact ? FpFlags.Inexact : FpFlags.None, flags);
    }

    [Theory]
    [InlineData(double.NaN, 32, true, 0x7FFF_FFFFUL)]
    [InlineData(double.PositiveInfinity, 32, true, 0x7FFF_FFFFUL)]
    [InlineData(double.NegativeInfinity, 32, true, 0xFFFF_FFFF_8000_0000UL)]
    [InlineData(2147483648.0, 32, true, 0x7FFF_FFFFUL)]
    [InlineData(-2147483649.0, 32, true, 0xFFFF_FFFF_8000_0000UL)]
    [InlineData(double.NaN, 32, false, 0xFFFF_FFFF_FFFF_FFFFUL)]      // 2^32-1 sign-extended
    [InlineData(4294967296.0, 32, false, 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(-1.0, 32, false, 0UL)]
    [InlineData(-1.0, 64, false, 0UL)]
    [InlineData(9223372036854775808.0, 64, true, 0x7FFF_FFFF_FFFF_FFFFUL)]
    [InlineData(double.NegativeInfinity, 64, true, 0x8000_0000_0000_0000UL)]
    [InlineData(18446744073709551616.0, 64, false, 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(double.NaN, 64, true, 0x7FFF_FFFF_FFFF_FFFFUL)]
    public void ConvertToIntegerSaturatesWithInvalid(double value, int bits, bool signed, ulong expected)
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(expected, SoftFloat.ToInteger(D, Bits(value), bits, signed, RoundingMode.TowardZero, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Fact]
    public void ConvertToIntegerInRangeEdges()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(0x8000_0000_0000_0000UL, SoftFloat.ToInteger(D, Bits(-9223372036854775808.0), 64, true, RoundingMode.TowardZero, ref flags));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFFUL, SoftFloat.ToInteger(D, Bits(4294967295.0), 32, false, RoundingMode.TowardZero, ref flags));
        Assert.Equal(FpFlags.None, flags);
        // A negative value that truncates to 0 is merely inexact for an unsigned result.
        Assert.Equal(0UL, SoftFloat.ToInteger(D, Bits(-0.75), 32, false, RoundingMode.TowardZero, ref flags));
        Assert.Equal(FpFlags.Inexact, flags);
        flags = FpFlags.None;
        // ...but rounding it away from zero makes it -1: invalid.
        Assert.Equal(0UL, SoftFloat.ToInteger(D, Bits(-0.75), 32, false, RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
    }

    [Fact]
    public void ConvertFromIntegerRoundsByMode()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(16777216f), SoftFloat.FromInteger(S, 16777217, true, RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Inexact, flags);
        Assert.Equal(Bits(16777218f), SoftFloat.FromInteger(S, 16777217, true, RoundingMode.Up, ref flags));
        Assert.Equal(Bits(18446744073709551616.0), SoftFloat.FromInteger(D, ulong.MaxValue, false, RoundingMode.NearestEven, ref flags));
        Assert.Equal(Bits(18446744073709549568.0), SoftFloat.FromInteger(D, ulong.MaxValue, false, RoundingMode.TowardZero, ref flags));
        Assert.Equal(Bits(-1.0), SoftFloat.FromInteger(D, ulong.MaxValue, true, RoundingMode.NearestEven, ref flags));
        flags = FpFlags.None;
        Assert.Equal(0UL, SoftFloat.FromInteger(D, 0, true, RoundingMode.Down, ref flags)); // +0 even rounding down
        Assert.Equal(FpFlags.None, flags);
    }

    [Fact]
    public void ConvertBetweenFormats()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(0.1f), SoftFloat.Convert(S, D, Bits(0.1), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Inexact, flags);
        flags = FpFlags.None;
        Assert.Equal(Bits((double)0.1f), SoftFloat.Convert(D, S, Bits(0.1f), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.None, flags);
        Assert.Equal(D.CanonicalNaN, SoftFloat.Convert(D, S, SingleSignalingNaN, RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
        flags = FpFlags.None;
        Assert.Equal(S.PositiveInfinity, SoftFloat.Convert(S, D, Bits(1e300), RoundingMode.NearestEven, ref flags));
        Assert.Equal(FpFlags.Overflow | FpFlags.Inexact, flags);
        flags = FpFlags.None;
        Assert.Equal(S.MaxFinite, SoftFloat.Convert(S, D, Bits(1e300), RoundingMode.TowardZero, ref flags));
    }

    [Fact]
    public void MinMaxHandleNaNsAndSignedZeros()
    {
        FpFlags flags = FpFlags.None;
        Assert.Equal(Bits(-0.0), SoftFloat.MinMax(D, Bits(0.0), Bits(-0.0), max: false, ref flags));
        Assert.Equal(Bits(0.0), SoftFloat.MinMax(D, Bits(-0.0), Bits(0.0), max: true, ref flags));
        Assert.Equal(Bits(1.0), SoftFloat.MinMax(D, DoubleQuietNaN, Bits(1.0), max: false, ref flags));
        Assert.Equal(FpFlags.None, flags);
        Assert.Equal(Bits(1.0), SoftFloat.MinMax(D, Bits(1.0), DoubleSignalingNaN, max: true, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
        Assert.Equal(D.CanonicalNaN, SoftFloat.MinMax(D, DoubleQuietNaN, DoubleQuietNaN, max: true, ref flags));
        Assert.Equal(Bits(-2.0), SoftFloat.MinMax(D, Bits(-2.0), Bits(1.0), max: false, ref flags));
        Assert.Equal(Bits(-1.0), SoftFloat.MinMax(D, Bits(-2.0), Bits(-1.0), max: true, ref flags));
    }

    [Fact]
    public void ComparisonsQuietAndSignaling()
    {
        FpFlags flags = FpFlags.None;
        Assert.True(SoftFloat.Equal(D, Bits(0.0), Bits(-0.0), ref flags));
        Assert.False(SoftFloat.Equal(D, DoubleQuietNaN, DoubleQuietNaN, ref flags));
        Assert.Equal(FpFlags.None, flags);
        Assert.False(SoftFloat.Equal(D, DoubleSignalingNaN, Bits(1.0), ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
        flags = FpFlags.None;
        Assert.False(SoftFloat.LessThan(D, DoubleQuietNaN, Bits(1.0), orEqual: false, ref flags));
        Assert.Equal(FpFlags.Invalid, flags);
        flags = FpFlags.None;
        Assert.True(SoftFloat.LessThan(D, Bits(-0.0), Bits(0.0), orEqual: true, ref flags));
        Assert.False(SoftFloat.LessThan(D, Bits(-0.0), Bits(0.0), orEqual: false, ref flags));
        Assert.True(SoftFloat.LessThan(D, Bits(-3.0), Bits(-2.0), orEqual: false, ref flags));
        Assert.Equal(FpFlags.None, flags);
    }

    [Theory]
    [InlineData(0xFFF0_0000_0000_0000UL, 0)]   // -inf
    [InlineData(0xBFF0_0000_0000_0000UL, 1)]   // -1
    [InlineData(0x8000_0000_0000_0001UL, 2)]   // negative subnormal
    [InlineData(0x8000_0000_0000_0000UL, 3)]   // -0
    [InlineData(0x0000_0000_0000_0000UL, 4)]   // +0
    [InlineData(0x0000_0000_0000_0001UL, 5)]   // positive subnormal
    [InlineData(0x3FF0_0000_0000_0000UL, 6)]   // 1
    [InlineData(0x7FF0_0000_0000_0000UL, 7)]   // +inf
    [InlineData(0x7FF0_0000_0000_0001UL, 8)]   // sNaN
    [InlineData(0x7FF8_0000_0000_0000UL, 9)]   // qNaN
    public void ClassifySetsOneBit(ulong bits, int bit) => Assert.Equal(1UL << bit, SoftFloat.Classify(D, bits));
}
