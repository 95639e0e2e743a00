using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>
/// Python 3.11's <c>format % args</c>, <c>str()</c> and <c>repr()</c> for the values the simulators print.
/// Values map to Python types: null = None, bool, any .NET integer or BigInteger = int, double/float = float,
/// string = str, ITuple = tuple, other IEnumerable = list. Failures throw <see cref="PythonError"/>.
/// </summary>
public static class PyFormat
{
    /// <summary>
    /// <c>format % tuple(args)</c>: conversions d i u o x X e E f F g G s r a c and %%, flags - + space # 0,
    /// width and precision (digits or *), h/l/L ignored. Pass a list as one argument, not as the args array.
    /// </summary>
    public static string Format(string format, params object?[] args)
    {
        var output = new StringBuilder(format.Length + 16);
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%')
            {
                output.Append(c);
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                output.Append('%');
                i++;
                continue;
            }

            var spec = FormatSpec.Parse(format, ref i, args, ref next);
            if (next >= args.Length)
            {
                throw PythonError.Type("not enough arguments for format string");
            }

            output.Append(spec.Apply(args[next++]));
        }

        if (next < args.Length)
        {
            throw PythonError.Type("not all arguments converted during string formatting");
        }

        return output.ToString();
    }

    /// <summary>str(value).</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        _ => Repr(value),
    };

    /// <summary>str(x) of a float, which is repr(x).</summary>
    public static string Str(double x) => PyFloat.Repr(x);

    /// <summary>repr(x) of a float.</summary>
    public static string Repr(double x) => PyFloat.Repr(x);

    /// <summary>repr(s) of a str: quotes and escapes exactly as CPython.</summary>
    public static string Repr(string s) => StrRepr.Quote(s);

    /// <summary>repr(value).</summary>
    public static string Repr(object? value)
    {
        if (value is null)
        {
            return "None";
        }

        if (value is bool b)
        {
            return b ? "True" : "False";
        }

        if (value is string s)
        {
            return StrRepr.Quote(s);
        }

        if (TryInteger(value, out BigInteger n))
        {
            return PyInt.ToDecimal(n);
        }

        if (TryFloat(value, out double x))
        {
            return PyFloat.Repr(x);
        }

        if (value is ITuple tuple)
        {
            var items = new string[tuple.Length];
            for (int i = 0; i < tuple.Length; i++)
            {
                items[i] = Repr(tuple[i]);
            }

            return items.Length == 1 ? $"({items[0]},)" : "(" + string.Join(", ", items) + ")";
        }

        if (value is IEnumerable sequence)
        {
            var items = new List<string>();
            foreach (object? item in sequence)
            {
                items.Add(Repr(item));
            }

            return "[" + string.Join(", ", items) + "]";
        }

        return value.ToString() ?? "";
    }

    /// <summary>ascii(value): repr() with every remaining non-ASCII character escaped.</summary>
    public static string Ascii(object? value) => StrRepr.EscapeNonAscii(Repr(value));

    /// <summary>print(a, b, ...) without the newline: str() of each, joined by single spaces.</summary>
    public static string PrintJoin(params object?[] values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = Str(values[i]);
        }

        return string.Join(" ", parts);
    }

    /// <summary>Python int view of a value; bool counts, as bool is an int subclass.</summary>
    internal static bool TryInteger(object? value, out BigInteger n)
    {
        switch (value)
        {
            case bool b: n = b ? 1 : 0; return true;
            case int i: n = i; return true;
            case long l: n = l; return true;
            case BigInteger big: n = big; return true;
            case short s: n = s; return true;
            case sbyte sb: n = sb; return true;
            case byte by: n = by; return true;
            case ushort us: n = us; return true;
            case uint ui: n = ui; return true;
            case ulong ul: n = ul; return true;
            case Int128 i128: n = (BigInteger)i128; return true;
            default: n = default; return false;
        }
    }

    internal static bool TryFloat(object? value, out double x)
    {
        switch (value)
        {
            case double d: x = d; return true;
            case float f: x = f; return true;
            default: x = 0; return false;
        }
    }

    internal static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        string => "str",
        ITuple => "tuple",
        _ when TryInteger(value, out _) => "int",
        _ when TryFloat(value, out _) => "float",
        IEnumerable => "list",
        _ => value.GetType().Name,
    };
}
