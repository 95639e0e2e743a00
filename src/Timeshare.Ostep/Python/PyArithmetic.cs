using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>
/// Python's // and % on ints and / on floats, where they differ from C#: // and % round toward negative
/// infinity (the remainder takes the divisor's sign), and dividing by zero raises instead of giving
/// Infinity/NaN. The simulators hit both: lottery's r % tickTotal with negative or zero tickets, multi's
/// system_time % quantum with -q 0, mlfq's averages over zero jobs.
/// </summary>
public static class PyArithmetic
{
    /// <summary>a // b.</summary>
    public static long FloorDiv(long a, long b)
    {
        CheckDivisor(b != 0, "integer division or modulo by zero");
        if (a == long.MinValue && b == -1)
        {
            throw PythonError.Overflow("result does not fit in a long"); // Python would give 2**63
        }

        long q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>a % b, with the sign of b.</summary>
    public static long Mod(long a, long b)
    {
        CheckDivisor(b != 0, "integer division or modulo by zero");
        if (b == -1)
        {
            return 0;
        }

        long r = a % b;
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
    }

    /// <summary>a // b on arbitrary ints.</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        CheckDivisor(!b.IsZero, "integer division or modulo by zero");
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return !r.IsZero && (r.Sign != b.Sign) ? q - 1 : q;
    }

    /// <summary>a % b on arbitrary ints, with the sign of b.</summary>
    public static BigInteger Mod(BigInteger a, BigInteger b)
    {
        CheckDivisor(!b.IsZero, "integer division or modulo by zero");
        BigInteger r = BigInteger.Remainder(a, b);
        return !r.IsZero && (r.Sign != b.Sign) ? r + b : r;
    }

    /// <summary>a / b on floats: IEEE, except that a zero divisor raises ZeroDivisionError.</summary>
    public static double Divide(double a, double b)
    {
        CheckDivisor(b != 0, "float division by zero");
        return a / b;
    }

    private static void CheckDivisor(bool nonZero, string message)
    {
        if (!nonZero)
        {
            throw PythonError.ZeroDivision(message);
        }
    }
}
