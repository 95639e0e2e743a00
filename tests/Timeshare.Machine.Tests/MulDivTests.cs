using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class MulDivTests
{
    private const ulong Neg1 = ulong.MaxValue;
    private const ulong MinI64 = 0x8000_0000_0000_0000;

    [Theory]
    [InlineData(3UL, 4UL, 12UL, 0UL, 0UL, 0UL)]
    [InlineData(Neg1, Neg1, 1UL, 0UL, Neg1 - 1, Neg1)]                 // (-1)(-1); unsigned (2^64-1)^2; -1 * (2^64-1)
    [InlineData(MinI64, MinI64, 0UL, 0x4000_0000_0000_0000UL, 0x4000_0000_0000_0000UL, 0xC000_0000_0000_0000UL)]
    [InlineData(Neg1, 2UL, Neg1 - 1, Neg1, 1UL, Neg1)]
    public void Multiply(ulong a, ulong b, ulong low, ulong mulh, ulong mulhu, ulong mulhsu)
    {
        Assert.Equal(low, TestMachine.Exec(Mul(3, 1, 2), a, b));
        Assert.Equal(mulh, TestMachine.Exec(Mulh(3, 1, 2), a, b));
        Assert.Equal(mulhu, TestMachine.Exec(Mulhu(3, 1, 2), a, b));
        Assert.Equal(mulhsu, TestMachine.Exec(Mulhsu(3, 1, 2), a, b));
    }

    [Fact]
    public void MulhsuMatchesBigIntegerOnRandomOperands()
    {
        var rng = new Random(1234);
        for (int i = 0; i < 200; i++)
        {
            ulong a = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63), b = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
            var product = new System.Numerics.BigInteger((long)a) * new System.Numerics.BigInteger(b);
            ulong expected = (ulong)(long)(product >> 64);
            Assert.Equal(expected, TestMachine.Exec(Mulhsu(3, 1, 2), a, b));
        }
    }

    [Fact]
    public void DivisionByZeroGivesAllOnesAndRemainderIsDividend()
    {
        Assert.Equal(Neg1, TestMachine.Exec(Div(3, 1, 2), 7, 0));
        Assert.Equal(Neg1, TestMachine.Exec(Divu(3, 1, 2), 7, 0));
        Assert.Equal(7UL, TestMachine.Exec(Rem(3, 1, 2), 7, 0));
        Assert.Equal(7UL, TestMachine.Exec(Remu(3, 1, 2), 7, 0));
        Assert.Equal(Neg1, TestMachine.Exec(Divw(3, 1, 2), 7, 0x1_0000_0000)); // divisor's low word is 0
        Assert.Equal(Neg1, TestMachine.Exec(Divuw(3, 1, 2), 7, 0));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Remw(3, 1, 2), 0x8000_0000, 0));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Remuw(3, 1, 2), 0x8000_0000, 0));
    }

    [Fact]
    public void SignedOverflowReturnsDividendAndZeroRemainder()
    {
        Assert.Equal(MinI64, TestMachine.Exec(Div(3, 1, 2), MinI64, Neg1));
        Assert.Equal(0UL, TestMachine.Exec(Rem(3, 1, 2), MinI64, Neg1));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, TestMachine.Exec(Divw(3, 1, 2), 0x8000_0000, Neg1));
        Assert.Equal(0UL, TestMachine.Exec(Remw(3, 1, 2), 0x8000_0000, Neg1));
    }

    [Fact]
    public void DivisionRoundsTowardZero()
    {
        Assert.Equal(unchecked((ulong)-2L), TestMachine.Exec(Div(3, 1, 2), unchecked((ulong)-7L), 3));
        Assert.Equal(unchecked((ulong)-1L), TestMachine.Exec(Rem(3, 1, 2), unchecked((ulong)-7L), 3));
        Assert.Equal(Neg1 / 3, TestMachine.Exec(Divu(3, 1, 2), Neg1, 3));
        Assert.Equal(0UL, TestMachine.Exec(Remu(3, 1, 2), Neg1, 3));
        Assert.Equal(unchecked((ulong)-2L), TestMachine.Exec(Divw(3, 1, 2), 0xFFFF_FFF9, 3));
        // DIVUW of 0xFFFFFFFF by 1 is 0xFFFFFFFF, sign-extended.
        Assert.Equal(Neg1, TestMachine.Exec(Divuw(3, 1, 2), 0xFFFF_FFFF, 1));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFEUL, TestMachine.Exec(Mulw(3, 1, 2), 0x7FFF_FFFF, 2));
    }
}
