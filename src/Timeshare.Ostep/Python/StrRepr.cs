using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>repr() of a str, as CPython 3.11 writes it.</summary>
internal static class StrRepr
{
    /// <summary>
    /// Single quotes unless the text has a single quote and no double quote; backslash escapes for the
    /// quote, backslash, \t \n \r, other control characters and anything str.isprintable() rejects.
    /// </summary>
    public static string Quote(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (int cp in PyUnicode.CodePoints(s))
        {
            AppendEscaped(sb, cp, quote);
        }

        return sb.Append(quote).ToString();
    }

    /// <summary>What ascii() adds to repr(): \x, \u or \U escapes for every code point above 0x7F.</summary>
    public static string EscapeNonAscii(string repr)
    {
        var sb = new StringBuilder(repr.Length);
        foreach (int cp in PyUnicode.CodePoints(repr))
        {
            if (cp < 0x80)
            {
                sb.Append((char)cp);
            }
            else
            {
                AppendCodeEscape(sb, cp);
            }
        }

        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, int cp, char quote)
    {
        if (cp == quote || cp == '\\')
        {
            sb.Append('\\').Append((char)cp);
        }
        else if (cp == '\t')
        {
            sb.Append("\\t");
        }
        else if (cp == '\n')
        {
            sb.Append("\\n");
        }
        else if (cp == '\r')
        {
            sb.Append("\\r");
        }
        else if (cp < ' ' || cp == 0x7F)
        {
            sb.Append("\\x").Append(cp.ToString("x2"));
        }
        else if (cp < 0x7F || PyUnicode.IsPrintable(cp))
        {
            sb.Append(cp <= 0xFFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
        }
        else
        {
            AppendCodeEscape(sb, cp);
        }
    }

    private static void AppendCodeEscape(StringBuilder sb, int cp)
    {
        if (cp <= 0xFF)
        {
            sb.Append("\\x").Append(cp.ToString("x2"));
        }
        else if (cp <= 0xFFFF)
        {
            sb.Append("\\u").Append(cp.ToString("x4"));
        }
        else
        {
            sb.Append("\\U").Append(cp.ToString("x8"));
        }
    }
}
