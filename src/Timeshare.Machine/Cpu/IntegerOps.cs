namespace Timeshare.Machine.Cpu;

/// <summary>
/// M-extension operations whose RISC-V results differ from C#'s at the edges: division by
/// zero gives all ones (quotient) or the dividend (remainder), and signed overflow gives the
/// dividend (quotient) or 0 (remainder) instead of throwing.
/// </summary>
internal static class IntegerOps
{
    public static ulong MulHighSignedUnsigned(ulong a, ulong b)
    {
        ulong high = Math.BigMul(a, b, out _);
        // Reinterpreting negative a as unsigned added 2^64 * b to the product.
        return (long)a < 0 ? high - b : high;
    }

    public static ulong Div(ulong a, ulong b)
    {
        long x = (long)a, y = (long)b;
        if (y == 0)
            return ulong.MaxValue;
        if (x == long.MinValue && y == -1)
            return a;
        return (ulong)(x / y);
    }

    public static ulong Divu(ulong a, ulong b) => b == 0 ? ulong.MaxValue : a / b;

    public static ulong Rem(ulong a, ulong b)
    {
        long x = (long)a, y = (long)b;
        if (y == 0)
            return a;
        if (x == long.MinValue && y == -1)
            return 0;
        return (ulong)(x % y);
    }

    public static ulong Remu(ulong a, ulong b) => b == 0 ? a : a % b;

    public static ulong Divw(ulong a, ulong b)
    {
        int x = (int)a, y = (int)b;
        if (y == 0)
            return ulong.MaxValue;
        if (x == int.MinValue && y == -1)
            return (ulong)(long)x;
        return (ulong)(long)(x / y);
    }

    public static ulong Divuw(ulong a, ulong b)
    {
        uint x = (uint)a, y = (uint)b;
        return y == 0 ? ulong.MaxValue : (ulong)(long)(int)(x / y);
    }

    public static ulong Remw(ulong a, ulong b)
    {
        int x = (int)a, y = (int)b;
        if (y == 0)
            return (ulong)(long)x;
        if (x == int.MinValue && y == -1)
            return 0;
        return (ulong)(long)(x % y);
    }

    public static ulong Remuw(ulong a, ulong b)
    {
        uint x = (uint)a, y = (uint)b;
        return (ulong)(long)(int)(y == 0 ? x : x % y);
    }
}
