using System.Text.Json;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

/// <summary>The Unicode 14 facts int()/float() rely on, swept over every code point against CPython's answers.</summary>
public class PyUnicodeTests
{
    private static readonly JsonElement Tables = Vectors.Load("unicode.json");

    [Fact]
    public void DecimalDigitsAreExactlyCPythons()
    {
        var zeros = Tables.GetProperty("decimalZeros").EnumerateArray().Select(z => z.GetInt32()).ToHashSet();
        var expected = new int[0x110000];
        Array.Fill(expected, -1);
        foreach (int zero in zeros)
        {
            for (int d = 0; d < 10; d++)
            {
                expected[zero + d] = d;
            }
        }

        for (int cp = 0; cp < 0x110000; cp++)
        {
            Assert.True(expected[cp] == PyUnicode.DecimalValue(cp), $"U+{cp:X4}");
        }
    }

    [Fact]
    public void NumericNormalisationKeepsAsciiAndMapsOnlyPythonsSpaces()
    {
        var spaces = Tables.GetProperty("spaces").EnumerateArray().Select(z => z.GetInt32()).ToHashSet();
        for (int cp = 0x80; cp < 0x110000; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            string normalized = PyUnicode.NormalizeNumeric(char.ConvertFromUtf32(cp));
            char expected = spaces.Contains(cp) ? ' ' : PyUnicode.DecimalValue(cp) is var d and >= 0 ? (char)('0' + d) : '?';
            Assert.True(normalized == expected.ToString(), $"U+{cp:X4}");
        }

        Assert.Equal("\x1c 1\t", PyUnicode.NormalizeNumeric("\x1c\u30001\t")); // ASCII passes through untouched
    }
}
