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
        double x = ToDouble(f, a), y = ToDouble(f, b);
        double sum = x + y;
        double yPart = sum - x;
        double error = (x - (sum - yPart)) + (y - yPart); // TwoSum: x + y == sum + error exactly
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
