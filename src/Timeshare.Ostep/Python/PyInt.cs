using System.Globalization;
using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>Python 3.11 int: parsing as int(text, base), int(float), and str(int).</summary>
public static class PyInt
{
    /// <summary>
    /// CPython 3.11 refuses decimal conversions of more digits than this (sys.int_max_str_digits),
    /// both parsing and printing; power-of-two bases are exempt.
    /// </summary>
    public const int MaxStrDigits = 4300;

    /// <summary>
    /// int(text, radix): surrounding whitespace, a sign, the radix's own 0x/0o/0b prefix, single
    /// underscores between digits, Unicode decimal digits. Throws <see cref="PythonError"/> (ValueError).
    /// </summary>
    public static BigInteger Parse(string text, int radix = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radix, 36);
        return TryParseCore(PyUnicode.NormalizeNumeric(text), radix, out BigInteger value, out string? problem)
            ? value
            : throw PythonError.Value(problem ?? $"invalid literal for int() with base {radix}: {PyFormat.Repr(text)}");
    }

    /// <summary>
    /// optparse's int option conversion (_parse_num): the first characters pick the base before int() runs:
    /// 0x/0X hex, 0b/0B binary (a bare "0b" is 0), any other leading 0 octal (so 010 is 8 and 08 fails),
    /// otherwise decimal, which is why " 010" is 10 and "-010" is -10.
    /// </summary>
    public static BigInteger ParseOptionValue(string text)
    {
        if (text.Length >= 2 && text[0] == '0' && (text[1] is 'x' or 'X'))
        {
            return Parse(text, 16);
        }

        if (text.Length >= 2 && text[0] == '0' && (text[1] is 'b' or 'B'))
        {
            string rest = text[2..];
            return Parse(rest.Length == 0 ? "0" : rest, 2);
        }

        return Parse(text, text.StartsWith('0') ? 8 : 10);
    }

    /// <summary>int(x) for a float: truncates toward zero; NaN and infinities fail as in Python.</summary>
    public static BigInteger FromFloat(double x)
    {
        if (double.IsNaN(x))
        {
            throw PythonError.Value("cannot convert float NaN to integer");
        }

        if (double.IsInfinity(x))
        {
            throw PythonError.Overflow("cannot convert float infinity to integer");
        }

        double t = Math.Truncate(x);
        return Math.Abs(t) < 9.2e18 ? new BigInteger((long)t) : new BigInteger(t);
    }

    /// <summary>str(n): decimal, refusing more than <see cref="MaxStrDigits"/> digits like CPython 3.11.</summary>
    public static string ToDecimal(BigInteger n)
    {
        if (n >= long.MinValue && n <= long.MaxValue)
        {
            return ((long)n).ToString(CultureInfo.InvariantCulture);
        }

        string s = n.ToString(CultureInfo.InvariantCulture);
        int digits = s.Length - (n.Sign < 0 ? 1 : 0);
        if (digits > MaxStrDigits)
        {
            throw PythonError.Value(
                $"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }

        return s;
    }

    /// <summary>Digits of |n| in a power-of-two radix (2, 8, 16), lower case.</summary>
    internal static string ToRadix(BigInteger magnitude, int radix)
    {
        if (magnitude.IsZero)
        {
            return "0";
        }

        int bitsPerDigit = BitOperations.Log2((uint)radix);
        long bitLength = (long)magnitude.GetBitLength();
        int count = (int)((bitLength + bitsPerDigit - 1) / bitsPerDigit);
        var chars = new char[count];
        BigInteger mask = radix - 1;
        for (int i = count - 1; i >= 0; i--)
        {
            chars[i] = "0123456789abcdef"[(int)(magnitude & mask)];
            magnitude >>= bitsPerDigit;
        }

        return new string(chars);
    }

    /// <summary>
    /// The int() grammar on normalised text: spaces, sign, optional prefix (plus one '_'), digits with single
    /// '_' separators, spaces. <paramref name="problem"/> is set only for the digit-limit refusal.
    /// </summary>
    private static bool TryParseCore(string s, int radix, out BigInteger value, out string? problem)
    {
        value = BigInteger.Zero;
        problem = null;
        int i = SkipSpaces(s, 0);
        bool negative = i < s.Length && s[i] == '-';
        if (i < s.Length && (s[i] is '+' or '-'))
        {
            i++;
        }

        i = SkipPrefix(s, i, radix);
        int start = i;
        if (!TryScanDigits(s, ref i, radix, out int digits) || SkipSpaces(s, i) != s.Length)
        {
            return false;
        }

        if (digits > MaxStrDigits && !BitOperations.IsPow2(radix))
        {
            problem = $"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit";
            return false;
        }

        value = Accumulate(s.AsSpan(start, i - start), radix);
        value = negative ? -value : value;
        return true;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && PyUnicode.IsAsciiSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Past "0x"/"0o"/"0b" when it matches the radix, and past one '_' right after it.</summary>
    private static int SkipPrefix(string s, int i, int radix)
    {
        if (i + 1 < s.Length && s[i] == '0' && HasPrefixLetter(s[i + 1], radix))
        {
            i += 2;
            if (i < s.Length && s[i] == '_')
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>
    /// Digits of the radix separated by single underscores, neither leading nor trailing; counts the digits
    /// (leading zeros included, as CPython's limit does).
    /// </summary>
    private static bool TryScanDigits(string s, ref int i, int radix, out int digits)
    {
        digits = 0;
        bool afterUnderscore = true; // so that a leading '_' is rejected like a doubled one
        for (; i < s.Length; i++)
        {
            if (s[i] == '_')
            {
                if (afterUnderscore)
                {
                    return false;
                }

                afterUnderscore = true;
            }
            else if (DigitValue(s[i]) < radix)
            {
                digits++;
                afterUnderscore = false;
            }
            else
            {
                break;
            }
        }

        return digits > 0 && !afterUnderscore;
    }

    private static bool HasPrefixLetter(char c, int radix) => radix switch
    {
        16 => c is 'x' or 'X',
        8 => c is 'o' or 'O',
        2 => c is 'b' or 'B',
        _ => false,
    };

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    /// <summary>Digits (underscores already validated) to a value, 18 digits at a time.</summary>
    private static BigInteger Accumulate(ReadOnlySpan<char> digits, int radix)
    {
        BigInteger total = BigInteger.Zero;
        ulong chunk = 0, scale = 1;
        foreach (char c in digits)
        {
            if (c == '_')
            {
                continue;
            }

            chunk = (chunk * (ulong)radix) + (ulong)DigitValue(c);
            scale *= (ulong)radix;
            if (scale > ulong.MaxValue / 64)
            {
                total = (total * scale) + chunk;
                chunk = 0;
                scale = 1;
            }
        }

        return scale == 1 ? total : (total * scale) + chunk;
    }
}
