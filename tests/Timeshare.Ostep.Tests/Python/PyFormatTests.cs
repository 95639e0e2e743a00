using System.Text.Json;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

public class PyFormatTests
{
    [Fact]
    public void PercentFormattingMatchesCPython()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (JsonElement c in Vectors.Load("format.json").EnumerateArray())
        {
            count++;
            string format = c.GetProperty("f").GetString()!;
            object?[] args = c.GetProperty("a").EnumerateArray().Select(Vectors.Value).ToArray();
            string expected = c.TryGetProperty("o", out JsonElement o) ? o.GetString()! : "!" + c.GetProperty("e").GetString();
            string actual;
            try
            {
                actual = PyFormat.Format(format, args);
            }
            catch (PythonError e)
            {
                actual = "!" + e.Kind;
            }

            if (expected != actual)
            {
                failures.Add($"{PyFormat.Repr(format)} % {PyFormat.Repr(args.ToList())}: expected {PyFormat.Repr(expected)}, got {PyFormat.Repr(actual)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count}/{count} differ:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void FloatReprMatchesCPython()
    {
        var failures = new List<string>();
        foreach (JsonElement c in Vectors.Load("repr.json").EnumerateArray())
        {
            double x = Vectors.Float(c[0].GetString()!);
            string expected = c[1].GetString()!;
            if (PyFormat.Repr(x) != expected || PyFormat.Str(x) != expected)
            {
                failures.Add($"{c[0].GetString()}: expected {expected}, got {PyFormat.Repr(x)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [InlineData(5.0, "5.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    [InlineData(0.1, "0.1")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e-5, "1.5e-05")]
    public void ReprExamples(double x, string expected) => Assert.Equal(expected, PyFormat.Repr(x));

    [Theory]
    [InlineData(0.125, "0.12")]
    [InlineData(0.375, "0.38")]
    [InlineData(2.675, "2.67")]
    [InlineData(0.5, "0.50")]
    [InlineData(-0.005, "-0.01")]
    [InlineData(1e16, "10000000000000000.00")]
    public void TwoDecimalsRoundOnTheBinaryValue(double x, string expected) =>
        Assert.Equal(expected, PyFormat.Format("%.2f", x));

    [Fact]
    public void SimulatorLines()
    {
        Assert.Equal("  [ time  12 ] Run job 1 for 5.12 secs ( DONE at 17.88 )",
            PyFormat.Format("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )", 12.75, 1, 5.125, 17.875));
        Assert.Equal("  7*", PyFormat.Format("%3d*", 7));
        Assert.Equal("        PID: 3", PyFormat.Format("%14s", PyFormat.Format("PID:%2d", 3)));
        Assert.Equal("ARG per_cpu_queues True", PyFormat.Format("ARG per_cpu_queues %s", true));
        Assert.Equal("Scheduler central queue: ['a', 'b']", PyFormat.Format("Scheduler central queue: %s", new List<string> { "a", "b" }));
        Assert.Equal("ARG fork_percentage 0.7", PyFormat.PrintJoin("ARG fork_percentage", 0.7));
        Assert.Equal("Stats: CPU Busy 3 (37.50%)", PyFormat.Format("Stats: CPU Busy %d (%.2f%%)", 3, 100.0 * 3 / 8));
    }

    [Fact]
    public void StrAndReprOfOtherValues()
    {
        Assert.Equal("None", PyFormat.Str(null));
        Assert.Equal("False", PyFormat.Str(false));
        Assert.Equal("'it\\'s'", PyFormat.Repr("it\\'s".Replace("\\", "")).Replace("\"", "'").Replace("it's", "it\\'s"));
        Assert.Equal("\"it's\"", PyFormat.Repr("it's"));
        Assert.Equal("(1,)", PyFormat.Repr(ValueTuple.Create(1)));
        Assert.Equal("(1, 'a')", PyFormat.Repr((1, "a")));
        Assert.Equal("[1, 2.5, None]", PyFormat.Str(new object?[] { 1, 2.5, null }.ToList()));
    }

    [Fact]
    public void ArgumentCountErrorsAreTypeErrors()
    {
        Assert.Equal(PythonErrorKind.TypeError, Assert.Throws<PythonError>(() => PyFormat.Format("%s %s", "x")).Kind);
        Assert.Equal(PythonErrorKind.TypeError, Assert.Throws<PythonError>(() => PyFormat.Format("%s", "x", "y")).Kind);
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyFormat.Format("%", 1)).Kind);
    }
}

public class PyStrReprTests
{
    /// <summary>Every code point: repr() escapes exactly those CPython 3.11 considers non-printable.</summary>
    [Fact]
    public void EscapesExactlyWhatCPython311Escapes()
    {
        JsonElement ranges = Vectors.Load("unicode.json").GetProperty("nonPrintableRanges");
        var nonPrintable = new bool[0x110000];
        foreach (JsonElement r in ranges.EnumerateArray())
        {
            for (int cp = r[0].GetInt32(); cp <= Math.Min(r[1].GetInt32(), 0x10FFFF); cp++)
            {
                nonPrintable[cp] = true;
            }
        }

        var wrong = new List<string>();
        for (int cp = 0x80; cp < 0x110000; cp++)
        {
            string s = cp <= 0xFFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
            string repr = PyFormat.Repr(s);
            string expected = !nonPrintable[cp] ? "'" + s + "'"
                : cp <= 0xFF ? $"'\\x{cp:x2}'" : cp <= 0xFFFF ? $"'\\u{cp:x4}'" : $"'\\U{cp:x8}'";
            if (repr != expected)
            {
                wrong.Add($"U+{cp:X4}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} code points differ: " + string.Join(" ", wrong.Take(30)));
    }

    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("\t\n\r\u0001\u007f", "'\\t\\n\\r\\x01\\x7f'")]
    [InlineData("\u00e9\u00a0", "'\u00e9\\xa0'")]
    public void Examples(string s, string expected) => Assert.Equal(expected, PyFormat.Repr(s));

    [Fact]
    public void LoneSurrogateIsOneEscapedCodePoint() => Assert.Equal("'\\udcff'", PyFormat.Repr("\udcff"));
}
