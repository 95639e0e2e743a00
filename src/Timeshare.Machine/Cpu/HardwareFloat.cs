namespace Timeshare.Machine.Cpu;

/// <summary>
/// Fast path for round-to-nearest-even using the host FPU, taken only when neither overflow,
/// underflow nor an invalid operation is possible: every operand is zero or has an unbiased
/// exponent within ±400 (double) / ±40 (single). Then error-free transformations (TwoSum,
/// FMA residuals) are exact and say precisely whether the result is inexact. Singles are
/// computed in double and narrowed once, which is correctly rounded for + - * / sqrt
/// because 53 &gt;= 2*24 + 2.
/// </summary>
internal static class HardwareFloat
{
    private const int DoubleSafeExponent = 400;
    private const int SingleSafeExponent = 40;

    public static bool TryAdd(FpFormat f, ulong a, ulong b, out ulong result, ref FpFlags flags)
    {
        result = 0;
        if (!IsSafe(f, a) || !IsSafe(f, b))
            return false;
        (double sum, double error) = TwoSum(ToDouble(f, a), ToDouble(f, b));
        result = Narrow(f, sum, error == 0, ref flags);
        return true;
    }

    public static bool TryMul(FpFormat f, ulong a, ulong b, out ulong result, ref FpFlags flags)
    {
        result = 0;
        if (!IsSafe(f, a) || !IsSafe(f, b))
            return false;
        double x = ToDouble(f, a), y = ToDouble(f, b);
        double product = x * y;
        result = Narrow(f, product, Math.FusedMultiplyAdd(x, y, -product) == 0, ref flags);
        return true;
    }

    public static bool TryDiv(FpFormat f, ulong a, ulong b, out ulong result, ref FpFlags flags)
    {
        result = 0;
        if (!IsSafe(f, a) || !IsSafe(f, b) || f.IsZero(b))
            return false;
        double x = ToDouble(f, a), y = ToDouble(f, b);
        double quotient = x / y;
        result = Narrow(f, quotient, Math.FusedMultiplyAdd(-quotient, y, x) == 0, ref flags);
        return true;
    }

    public static bool TrySqrt(FpFormat f, ulong a, out ulong result, ref FpFlags flags)
    {
        result = 0;
        if (!IsSafe(f, a) || (f.Sign(a) && !f.IsZero(a)))
            return false;
        double x = ToDouble(f, a);
        double root = Math.Sqrt(x);
        result = Narrow(f, root, Math.FusedMultiplyAdd(-root, root, x) == 0, ref flags);
        return true;
    }

    /// <summary>
    /// a*b + c. Doubles: the host FMA, and exactness from the expansion p + e + c - r, where
    /// p + e is the exact product. Singles: the host single-precision FMA (computing in double
    /// and narrowing would round twice), and exactness from p + c - r with p = a*b exact in double.
    /// Inputs within the safe range make the exact result zero or at least 2^-904, so it is never tiny.
    /// </summary>
    public static bool TryMulAdd(FpFormat f, ulong a, ulong b, ulong c, out ulong result, ref FpFlags flags)
    {
        result = 0;
        if (!IsSafe(f, a) || !IsSafe(f, b) || !IsSafe(f, c))
            return false;
        double x = ToDouble(f, a), y = ToDouble(f, b), z = ToDouble(f, c);
        double product = x * y;
        double rounded, productError;
        if (f.Width == 64)
        {
            rounded = Math.FusedMultiplyAdd(x, y, z);
            productError = Math.FusedMultiplyAdd(x, y, -product);
            result = BitConverter.DoubleToUInt64Bits(rounded);
        }
        else
        {
            float single = MathF.FusedMultiplyAdd((float)x, (float)y, (float)z);
            rounded = single;
            productError = 0; // a product of two singles is exact in double
            result = BitConverter.SingleToUInt32Bits(single);
        }
        if (!SumIsZero(product, productError, z, -rounded))
            flags |= FpFlags.Inexact;
        return true;
    }

    /// <summary>
    /// Whether a + b + c + d is exactly zero: grow a non-overlapping expansion with TwoSum
    /// (exact while nothing overflows); its sum is zero iff every component is.
    /// </summary>
    private static bool SumIsZero(double a, double b, double c, double d)
    {
        (double q1, double h1) = TwoSum(a, b);                   // expansion [h1, q1]
        (double q2, double g1) = TwoSum(c, h1);
        (q2, double g2) = TwoSum(q2, q1);                         // [g1, g2, q2]
        (double q3, double k1) = TwoSum(d, g1);
        (q3, double k2) = TwoSum(q3, g2);
        (q3, double k3) = TwoSum(q3, q2);                         // [k1, k2, k3, q3]
        return k1 == 0 && k2 == 0 && k3 == 0 && q3 == 0;
    }

    /// <summary>Knuth's TwoSum: x + y == Sum + Error exactly (barring overflow), in any order of magnitude.</summary>
    private static (double Sum, double Error) TwoSum(double x, double y)
    {
        double sum = x + y;
        double yPart = sum - x;
        return (sum, (x - (sum - yPart)) + (y - yPart));
    }

    /// <summary>Zero, or normal with a small exponent (this excludes subnormals, infinities and NaNs).</summary>
    private static bool IsSafe(FpFormat f, ulong bits) =>
        f.IsZero(bits) || Math.Abs(f.BiasedExponent(bits) - f.Bias) <= (f.Width == 64 ? DoubleSafeExponent : SingleSafeExponent);

    private static double ToDouble(FpFormat f, ulong bits) =>
        f.Width == 64 ? BitConverter.UInt64BitsToDouble(bits) : BitConverter.UInt32BitsToSingle((uint)bits);

    /// <summary>The format's bits for a double result whose exactness before narrowing is known.</summary>
    private static ulong Narrow(FpFormat f, double value, bool exact, ref FpFlags flags)
    {
        if (f.Width == 64)
        {
            if (!exact)
                flags |= FpFlags.Inexact;
            return BitConverter.DoubleToUInt64Bits(value);
        }
        float single = (float)value;
        if (!exact || single != value)
            flags |= FpFlags.Inexact;
        return BitConverter.SingleToUInt32Bits(single);
    }
}
