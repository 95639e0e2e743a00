using System.Numerics;
using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>One parsed %-conversion ("%-08.3f") and how it renders a value.</summary>
internal readonly struct FormatSpec
{
    private readonly bool _left, _plus, _space, _alt, _zero;
    private readonly int _width;      // 0 = none
    private readonly int _precision;  // -1 = none
    private readonly char _conversion;

    private FormatSpec(bool left, bool plus, bool space, bool alt, bool zero, int width, int precision, char conversion)
    {
        (_left, _plus, _space, _alt, _zero) = (left, plus, space, alt, zero);
        (_width, _precision, _conversion) = (width, precision, conversion);
    }

    /// <summary>Parses from the '%' at <paramref name="i"/>; leaves i on the conversion character.</summary>
    public static FormatSpec Parse(string format, ref int i, object?[] args, ref int next)
    {
        i++;
        if (i < format.Length && format[i] == '(')
        {
            throw PythonError.Type("format requires a mapping");
        }

        bool left = false, plus = false, space = false, alt = false, zero = false;
        for (; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '-': left = true; continue;
                case '+': plus = true; continue;
                case ' ': space = true; continue;
                case '#': alt = true; continue;
                case '0': zero = true; continue;
            }

            break;
        }

        int width = ReadNumber(format, ref i, args, ref next, "width");
        if (width < 0)
        {
            left = true; // a negative '*' width left-justifies
            width = -width;
        }

        int precision = -1;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            precision = Math.Max(0, ReadNumber(format, ref i, args, ref next, "precision")); // a negative '*' means 0
        }

        while (i < format.Length && (format[i] is 'h' or 'l' or 'L'))
        {
            i++;
        }

        if (i >= format.Length)
        {
            throw PythonError.Value("incomplete format");
        }

        char conversion = format[i];
        if ("diuoxXeEfFgGsrac".IndexOf(conversion) < 0)
        {
            throw PythonError.Value(
                $"unsupported format character '{conversion}' (0x{(int)conversion:x}) at index {i}");
        }

        return new FormatSpec(left, plus, space, alt, zero, width, precision, conversion);
    }

    /// <summary>Digits, or '*' taking an int argument (which may be negative).</summary>
    private static int ReadNumber(string format, ref int i, object?[] args, ref int next, string what)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (next >= args.Length)
            {
                throw PythonError.Type("not enough arguments for format string");
            }

            if (!PyFormat.TryInteger(args[next++], out BigInteger star))
            {
                throw PythonError.Type("* wants int");
            }

            if (star < int.MinValue + 1 || star > int.MaxValue)
            {
                throw PythonError.Overflow("Python int too large to convert to C int");
            }

            return (int)star;
        }

        long value = 0;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            value = (value * 10) + (format[i++] - '0');
            if (value > int.MaxValue)
            {
                throw PythonError.Value($"{what} too big");
            }
        }

        return (int)value;
    }

    public string Apply(object? value) => _conversion switch
    {
        's' => Text(PyFormat.Str(value)),
        'r' => Text(PyFormat.Repr(value)),
        'a' => Text(PyFormat.Ascii(value)),
        'c' => Text(Character(value)),
        'd' or 'i' or 'u' => Integer(IntegerOperand(value, allowFloat: true), 10),
        'o' => Integer(IntegerOperand(value, allowFloat: false), 8),
        'x' or 'X' => Integer(IntegerOperand(value, allowFloat: false), 16),
        _ => Floating(FloatOperand(value)),
    };

    private string Text(string s)
    {
        if (_precision >= 0)
        {
            s = PyUnicode.Prefix(s, _precision);
        }

        return Pad("", s, numeric: false);
    }

    private BigInteger IntegerOperand(object? value, bool allowFloat)
    {
        if (PyFormat.TryInteger(value, out BigInteger n))
        {
            return n;
        }

        if (allowFloat && PyFormat.TryFloat(value, out double x))
        {
            return PyInt.FromFloat(x); // %d of a float truncates, like int(x)
        }

        string what = allowFloat ? "a real number" : "an integer";
        throw PythonError.Type($"%{_conversion} format: {what} is required, not {PyFormat.TypeName(value)}");
    }

    private static double FloatOperand(object? value)
    {
        if (PyFormat.TryFloat(value, out double x))
        {
            return x;
        }

        if (PyFormat.TryInteger(value, out BigInteger n))
        {
            return PyFloat.FromInt(n);
        }

        throw PythonError.Type($"must be real number, not {PyFormat.TypeName(value)}");
    }

    private static string Character(object? value)
    {
        if (value is string s && PyUnicode.Length(s) == 1)
        {
            return s;
        }

        if (value is not string && PyFormat.TryInteger(value, out BigInteger n))
        {
            if (n < 0 || n > 0x10FFFF)
            {
                throw PythonError.Overflow("%c arg not in range(0x110000)");
            }

            // A lone surrogate is a valid Python character; it stays a lone UTF-16 unit here.
            return n <= 0xFFFF ? ((char)(int)n).ToString() : char.ConvertFromUtf32((int)n);
        }

        throw PythonError.Type("%c requires int or char");
    }

    private string Integer(BigInteger n, int radix)
    {
        BigInteger magnitude = BigInteger.Abs(n);
        string digits = radix == 10 ? PyInt.ToDecimal(magnitude) : PyInt.ToRadix(magnitude, radix);
        if (_precision > digits.Length)
        {
            digits = digits.PadLeft(_precision, '0');
        }

        string prefix = SignOf(n.Sign < 0);
        if (_alt && radix != 10)
        {
            prefix += radix == 8 ? "0o" : "0x";
        }

        if (_conversion == 'X')
        {
            (prefix, digits) = (prefix.ToUpperInvariant(), digits.ToUpperInvariant());
        }

        return Pad(prefix, digits, numeric: true);
    }

    private string Floating(double x)
    {
        bool upper = char.IsUpper(_conversion);
        string body;
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            body = double.IsNaN(x) ? "nan" : "inf";
        }
        else
        {
            int precision = _precision < 0 ? 6 : _precision;
            body = char.ToLowerInvariant(_conversion) switch
            {
                'f' => FixedBody(Math.Abs(x), precision),
                'e' => ExponentBody(Math.Abs(x), precision),
                _ => GeneralBody(Math.Abs(x), Math.Max(precision, 1)),
            };
        }

        // NaN prints without its sign bit, whatever float('-nan') stored.
        bool negative = !double.IsNaN(x) && double.IsNegative(x);
        return Pad(SignOf(negative), upper ? body.ToUpperInvariant() : body, numeric: true);
    }

    private string FixedBody(double ax, int precision)
    {
        string body = DecimalDigits.Fixed(ax, precision);
        return _alt && precision == 0 ? body + "." : body;
    }

    private string ExponentBody(double ax, int precision)
    {
        (string digits, int exponent) = ax == 0 ? (new string('0', precision + 1), 0) : DecimalDigits.Significant(ax, precision + 1);
        string mantissa = digits.Length > 1 || _alt ? digits[..1] + "." + digits[1..] : digits;
        return mantissa + PyFloat.ExponentSuffix(exponent);
    }

    /// <summary>%g: P significant digits; scientific when the exponent is below -4 or at least P; zeros trimmed unless '#'.</summary>
    private string GeneralBody(double ax, int precision)
    {
        (string digits, int exponent) = ax == 0 ? (new string('0', precision), 0) : DecimalDigits.Significant(ax, precision);
        if (!_alt)
        {
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                digits = "0";
            }
        }

        if (exponent < -4 || exponent >= precision)
        {
            string mantissa = digits.Length > 1 || _alt ? digits[..1] + "." + digits[1..] : digits;
            return mantissa + PyFloat.ExponentSuffix(exponent);
        }

        string positional = PyFloat.Positional(digits, exponent, forceFraction: false);
        return _alt && !positional.Contains('.') ? positional + "." : positional;
    }

    private string SignOf(bool negative) => negative ? "-" : _plus ? "+" : _space ? " " : "";

    /// <summary>
    /// Width is counted in code points. '-' pads right; '0' (numbers only) pads between sign/prefix and digits.
    /// </summary>
    private string Pad(string prefix, string body, bool numeric)
    {
        int length = PyUnicode.Length(prefix) + PyUnicode.Length(body);
        if (_width <= length)
        {
            return prefix + body;
        }

        var sb = new StringBuilder(_width + 2);
        int fill = _width - length;
        if (_left)
        {
            sb.Append(prefix).Append(body).Append(' ', fill);
        }
        else if (_zero && numeric)
        {
            sb.Append(prefix).Append('0', fill).Append(body);
        }
        else
        {
            sb.Append(' ', fill).Append(prefix).Append(body);
        }

        return sb.ToString();
    }
}
