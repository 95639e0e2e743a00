using System.Globalization;
using System.Numerics;
using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>Python 3.11 float: float(text), float(int), and repr()/str() of a float.</summary>
public static class PyFloat
{
    // CPython's float('nan') has the sign bit clear, float('-nan') set; .NET's double.NaN has it set.
    private static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);
    private static readonly double NegativeNaN = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000));

    /// <summary>
    /// float(text): whitespace around, sign, digits with an optional point and exponent, single underscores
    /// between digits, inf/infinity/nan in any case, Unicode decimal digits. No hex. Throws ValueError.
    /// </summary>
    public static double Parse(string text)
    {
        string s = PyUnicode.NormalizeNumeric(text);
        if (s.Contains('_'))
        {
            s = RemoveUnderscores(s) ?? throw Invalid(text);
        }

        return TryParseTrimmed(s.Trim(' ', '\t', '\n', '\v', '\f', '\r'), out double value) ? value : throw Invalid(text);
    }

    /// <summary>float(n) for an int: correctly rounded (ties to even); too large is an OverflowError.</summary>
    public static double FromInt(BigInteger n)
    {
        if (n >= -(1L << 53) && n <= (1L << 53))
        {
            return (long)n;
        }

        BigInteger magnitude = BigInteger.Abs(n);
        int shift = (int)magnitude.GetBitLength() - 54; // keep 53 bits plus one rounding bit
        ulong top = (ulong)(magnitude >> shift);
        bool sticky = !(magnitude & ((BigInteger.One << shift) - 1)).IsZero;
        if ((top & 1) != 0 && (sticky || (top & 2) != 0))
        {
            top += 1;
        }

        double result = Math.ScaleB(top >> 1, shift + 1);
        if (double.IsInfinity(result))
        {
            throw PythonError.Overflow("int too large to convert to float");
        }

        return n.Sign < 0 ? -result : result;
    }

    /// <summary>
    /// repr(x) (which str(x) equals): shortest round-trip digits; positional when the decimal exponent is
    /// in [-4, 16), else scientific with at least two exponent digits: 5.0, 1e+16, 1e-05, -0.0, inf, nan.
    /// </summary>
    public static string Repr(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0)
        {
            return sign + "0.0";
        }

        (string digits, int exponent) = DecimalDigits.Shortest(Math.Abs(x));
        if (exponent < -4 || exponent >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            return sign + mantissa + ExponentSuffix(exponent);
        }

        return sign + Positional(digits, exponent, forceFraction: true);
    }

    /// <summary>"e+05" style: sign always, at least two digits.</summary>
    internal static string ExponentSuffix(int exponent, char letter = 'e') =>
        letter + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Digits d1d2... worth d1.d2... * 10^exponent written without an exponent; forceFraction adds ".0"
    /// to whole numbers as repr does.
    /// </summary>
    internal static string Positional(string digits, int exponent, bool forceFraction)
    {
        int point = exponent + 1;
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length) + (forceFraction ? ".0" : "");
        }

        return digits[..point] + "." + digits[point..];
    }

    private static PythonError Invalid(string text) =>
        PythonError.Value($"could not convert string to float: {PyFormat.Repr(text)}");

    /// <summary>Underscores are legal only between two ASCII digits; null when one is not.</summary>
    private static string? RemoveUnderscores(string s)
    {
        var sb = new StringBuilder(s.Length);
        char prev = '\0';
        foreach (char c in s)
        {
            if (c == '_' ? !char.IsAsciiDigit(prev) : prev == '_' && !char.IsAsciiDigit(c))
            {
                return null;
            }

            if (c != '_')
            {
                sb.Append(c);
            }

            prev = c;
        }

        return prev == '_' ? null : sb.ToString();
    }

    private static bool TryParseTrimmed(string s, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] is '+' or '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        string body = s[i..];
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? NegativeNaN : PositiveNaN;
            return true;
        }

        if (!IsDecimalLiteral(body, out int exponentStart))
        {
            return false;
        }

        value = ParseDecimal(body, exponentStart);
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>digits [. digits] [e [sign] digits], at least one mantissa digit; exponentStart = index of 'e' or -1.</summary>
    private static bool IsDecimalLiteral(string s, out int exponentStart)
    {
        exponentStart = -1;
        int i = 0, mantissaDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] is 'e' or 'E'))
        {
            exponentStart = i++;
            if (i < s.Length && (s[i] is '+' or '-'))
            {
                i++;
            }

            int expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>
    /// A validated literal to the nearest double. An absurd exponent is clamped first: beyond the mantissa's
    /// length plus the double range it cannot change the (infinite or zero) result.
    /// </summary>
    private static double ParseDecimal(string s, int exponentStart)
    {
        if (exponentStart >= 0)
        {
            string expText = s[(exponentStart + 1)..];
            long limit = s.Length + 800L;
            BigInteger exp = BigInteger.Parse(expText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (BigInteger.Abs(exp) > limit)
            {
                s = s[..exponentStart] + "e" + (exp.Sign * limit).ToString(CultureInfo.InvariantCulture);
            }
        }

        return double.Parse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }
}
