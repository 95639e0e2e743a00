using System.Globalization;
using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>
/// Decimal digits of a finite, non-negative double, rounded the way CPython's dtoa rounds: on the exact
/// binary value, ties to even. (.NET's "F2" rounds ties away from zero, so 0.125 would give 0.13.)
/// </summary>
internal static class DecimalDigits
{
    /// <summary>round-half-even(x * 10^places) as an integer; places may be negative.</summary>
    public static BigInteger ScaledRound(double x, int places)
    {
        (ulong mantissa, int exponent) = Decompose(x);
        BigInteger num = mantissa, den = BigInteger.One;
        if (exponent >= 0)
        {
            num <<= exponent;
        }
        else
        {
            den <<= -exponent;
        }

        if (places >= 0)
        {
            num *= BigInteger.Pow(10, places);
        }
        else
        {
            den *= BigInteger.Pow(10, -places);
        }

        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        int half = (r << 1).CompareTo(den);
        return half > 0 || (half == 0 && !q.IsEven) ? q + 1 : q;
    }

    /// <summary>x with exactly <paramref name="places"/> digits after the point ("%.{places}f" body).</summary>
    public static string Fixed(double x, int places)
    {
        string digits = ScaledRound(x, places).ToString(CultureInfo.InvariantCulture);
        if (places == 0)
        {
            return digits;
        }

        digits = digits.PadLeft(places + 1, '0');
        return string.Concat(digits.AsSpan(0, digits.Length - places), ".", digits.AsSpan(digits.Length - places));
    }

    /// <summary>
    /// x rounded to <paramref name="count"/> significant digits: the digit string and the decimal exponent of
    /// its first digit (x ~ d.ddd * 10^exponent). x must be positive.
    /// </summary>
    public static (string Digits, int Exponent) Significant(double x, int count)
    {
        int exponent = (int)Math.Floor(Math.Log10(x));
        BigInteger low = BigInteger.Pow(10, count - 1), high = low * 10;
        while (true)
        {
            // The log10 estimate can be one off near powers of ten; recomputing (not dividing) avoids double rounding.
            BigInteger q = ScaledRound(x, count - 1 - exponent);
            if (q >= high)
            {
                exponent++;
            }
            else if (q < low)
            {
                exponent--;
            }
            else
            {
                return (q.ToString(CultureInfo.InvariantCulture), exponent);
            }
        }
    }

    /// <summary>
    /// The shortest digits that read back as x (what repr() prints), with the decimal exponent of the first digit.
    /// x must be positive. .NET Core 3.0+ "R" yields exactly the shortest, closest digits, like CPython's dtoa mode 0.
    /// </summary>
    public static (string Digits, int Exponent) Shortest(double x)
    {
        string r = x.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        int exp10 = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? r : r[..e];
        int dot = mantissa.IndexOf('.');
        int intLength = dot < 0 ? mantissa.Length : dot;
        string all = dot < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, dot), mantissa.AsSpan(dot + 1));
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        string digits = all[lead..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, intLength - lead - 1 + exp10);
    }

    /// <summary>x = mantissa * 2^exponent exactly.</summary>
    private static (ulong Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
        return biased == 0 ? (fraction, -1074) : (fraction | (1UL << 52), biased - 1075);
    }
}
