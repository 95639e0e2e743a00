using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

public class PyArithmeticTests
{
    // (a, b, a // b, a % b) from CPython 3.11
    [Theory]
    [InlineData(7, 3, 2, 1)]
    [InlineData(-7, 3, -3, 2)]
    [InlineData(7, -3, -3, -2)]
    [InlineData(-7, -3, 2, -1)]
    [InlineData(0, 5, 0, 0)]
    [InlineData(5, 1, 5, 0)]
    [InlineData(long.MinValue, -1L, 0, 0)]
    public void FloorsTowardNegativeInfinity(long a, long b, long quotient, long remainder)
    {
        if (!(a == long.MinValue && b == -1))
        {
            Assert.Equal(quotient, PyArithmetic.FloorDiv(a, b));
            Assert.Equal((BigInteger)quotient, PyArithmetic.FloorDiv((BigInteger)a, b));
        }

        Assert.Equal(remainder, PyArithmetic.Mod(a, b));
        Assert.Equal((BigInteger)remainder, PyArithmetic.Mod((BigInteger)a, b));
    }

    [Fact]
    public void BigOperands()
    {
        BigInteger a = BigInteger.Pow(10, 30) + 7;
        Assert.Equal(BigInteger.Parse("-111111111111111111111111111112"), PyArithmetic.FloorDiv(a, -9));
        Assert.Equal(BigInteger.MinusOne, PyArithmetic.Mod(a, -9));
    }

    [Fact]
    public void ZeroDivisorsRaise()
    {
        Assert.Equal(PythonErrorKind.ZeroDivisionError, Assert.Throws<PythonError>(() => PyArithmetic.Mod(5L, 0L)).Kind);
        Assert.Equal(PythonErrorKind.ZeroDivisionError, Assert.Throws<PythonError>(() => PyArithmetic.FloorDiv(BigInteger.One, BigInteger.Zero)).Kind);
        Assert.Equal(PythonErrorKind.ZeroDivisionError, Assert.Throws<PythonError>(() => PyArithmetic.Divide(1.0, -0.0)).Kind);
        Assert.Equal(2.5, PyArithmetic.Divide(5.0, 2.0));
    }
}
