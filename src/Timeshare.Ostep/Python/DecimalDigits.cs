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
        // The exponent must come from x itself, not from its rounded digits: 1e-07 is 9.99...95e-08, and
        // rounding it to 17 digits at the wrong exponent would give a tidy but wrong 1.0000000000000000e-07.
        int exponent = (int)Math.Floor(Math.Log10(x));
        while (CompareToPowerOfTen(x, exponent) < 0)
        {
            exponent--;
        }

        while (CompareToPowerOfTen(x, exponent + 1) >= 0)
        {
            exponent++;
        }

        BigInteger q = ScaledRound(x, count - 1 - exponent);
        if (q == BigInteger.Pow(10, count))
        {
            return ("1" + new string('0', count - 1), exponent + 1); // 9.99... rounded up to the next power
        }

        return (q.ToString(CultureInfo.InvariantCulture), exponent);
    }

    /// <summary>Sign of x - 10^power, computed exactly.</summary>
    private static int CompareToPowerOfTen(double x, int power)
    {
        (ulong mantissa, int exponent) = Decompose(x);
        BigInteger left = mantissa, right = BigInteger.One;
        if (exponent >= 0)
        {
            left <<= exponent;
        }
        else
        {
            right <<= -exponent;
        }

        if (power >= 0)
        {
            right *= BigInteger.Pow(10, power);
        }
        else
        {
            left *= BigInteger.Pow(10, -power);
        }

        return left.CompareTo(right);
    }

    /// <summary>
    /// The shortest digits that read back as x (what repr() prints), closest to x among equally short ones,
    /// with the decimal exponent of the first digit. x must be positive and finite.
    /// </summary>
    public static (string Digits, int Exponent) Shortest(double x)
    {
        // .NET's "R" is the fast path. Just above a power of two, where the gap to the next smaller double
        // is half as wide, it can return digits that do not read back (2^-25 gives 2.980232238769531E-08);
        // when they do read back they equalled CPython's in 600k sampled doubles, so only misses fall through.
        (string digits, int exponent) = FromRoundTripFormat(x.ToString("R", CultureInfo.InvariantCulture));
        return ReadBack(digits, exponent) == x ? (digits, exponent) : SearchShortest(x);
    }

    /// <summary>Tries 1, 2, ... significant digits; each count's nearest candidate and, failing that, the next up.</summary>
    private static (string Digits, int Exponent) SearchShortest(double x)
    {
        for (int count = 1; count < 17; count++)
        {
            (string digits, int exponent) = Significant(x, count);
            double back = ReadBack(digits, exponent);
            if (back == x)
            {
                return (digits, exponent);
            }

            // The nearest candidate fell below x, outside the narrow lower gap; the next one up may still
            // be inside the wider upper gap.
            if (back < x)
            {
                string up = (BigInteger.Parse(digits, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                if (up.Length == count && ReadBack(up, exponent) == x)
                {
                    return (up.TrimEnd('0'), exponent);
                }
            }
        }

        (string all, int exp) = Significant(x, 17); // 17 significant digits always read back
        return (all.TrimEnd('0'), exp);
    }

    /// <summary>"1.2345E-05" or "123.45" to significant digits and the exponent of the first one.</summary>
    private static (string Digits, int Exponent) FromRoundTripFormat(string r)
    {
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

    private static double ReadBack(string digits, int exponent) =>
        double.Parse(
            digits + "e" + (exponent - digits.Length + 1).ToString(CultureInfo.InvariantCulture),
            NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture);

    /// <summary>x = mantissa * 2^exponent exactly.</summary>
    private static (ulong Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
        return biased == 0 ? (fraction, -1074) : (fraction | (1UL << 52), biased - 1075);
    }
}
