using System.Globalization;
using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>
/// The few Unicode facts CPython 3.11 (Unicode 14) applies to numeric literals and str repr.
/// Tables are Python's own rather than .NET's, whose newer Unicode knows more digits.
/// </summary>
internal static class PyUnicode
{
    // Code points of every "0" of a run of ten Unicode decimal digits (str.isdecimal in CPython 3.11).
    private static readonly int[] DecimalZeros =
    [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
        0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
        0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
        0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
        0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];

    /// <summary>str.isspace() for a non-ASCII code point.</summary>
    private static bool IsWideSpace(int cp) =>
        cp is 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    /// <summary>The whitespace int()/float() strip after normalising: ASCII only (\x1c..\x1f are not).</summary>
    public static bool IsAsciiSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Value 0..9 of a Unicode decimal digit, or -1.</summary>
    public static int DecimalValue(int cp)
    {
        int lo = 0, hi = DecimalZeros.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (DecimalZeros[mid] > cp)
            {
                hi = mid - 1;
            }
            else if (cp - DecimalZeros[mid] >= 10)
            {
                lo = mid + 1;
            }
            else
            {
                return cp - DecimalZeros[mid];
            }
        }

        return -1;
    }

    /// <summary>
    /// What CPython does before parsing a number: non-ASCII spaces become ' ', non-ASCII decimal digits
    /// become ASCII digits, ASCII stays, anything else becomes a character no grammar accepts.
    /// </summary>
    public static string NormalizeNumeric(string text)
    {
        if (IsAllAscii(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (int cp in CodePoints(text))
        {
            if (cp < 0x80)
            {
                sb.Append((char)cp);
            }
            else if (IsWideSpace(cp))
            {
                sb.Append(' ');
            }
            else
            {
                int digit = DecimalValue(cp);
                sb.Append(digit >= 0 ? (char)('0' + digit) : '?');
            }
        }

        return sb.ToString();
    }

    private static bool IsAllAscii(string text)
    {
        foreach (char c in text)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Python sees a str as code points; a lone surrogate in a .NET string is one code point too.
    /// </summary>
    public static IEnumerable<int> CodePoints(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else
            {
                yield return c;
            }
        }
    }

    /// <summary>len(s) in Python: surrogate pairs count once.</summary>
    public static int Length(string text)
    {
        int n = text.Length;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                n--;
                i++;
            }
        }

        return n;
    }

    /// <summary>s[:count] in Python, by code points.</summary>
    public static string Prefix(string text, int count)
    {
        int i = 0;
        for (int taken = 0; taken < count && i < text.Length; taken++)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            i += pair ? 2 : 1;
        }

        return text[..i];
    }

    /// <summary>str.isprintable() for one code point, as repr() uses it.</summary>
    public static bool IsPrintable(int cp)
    {
        (int[] starts, int[] ends) = NonPrintable.Value;
        int i = Array.BinarySearch(starts, cp);
        if (i < 0)
        {
            i = ~i - 1; // the last range starting below cp
        }

        return i < 0 || cp > ends[i];
    }

    // Python 3.11's own table: .NET's newer Unicode would print characters CPython 3.11 still escapes.
    private static readonly Lazy<(int[] Starts, int[] Ends)> NonPrintable = new(LoadNonPrintable);

    private static (int[] Starts, int[] Ends) LoadNonPrintable()
    {
        using Stream stream = typeof(PyUnicode).Assembly.GetManifestResourceStream("Timeshare.Ostep.Python.NonPrintable.txt")
            ?? throw new InvalidOperationException("NonPrintable.txt is not embedded");
        using var reader = new StreamReader(stream);
        var starts = new List<int>();
        var ends = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int dash = line.IndexOf('-');
            starts.Add(int.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            ends.Add(int.Parse(line.AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return (starts.ToArray(), ends.ToArray());
    }
}
