using System.Numerics;
using System.Text.Json;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

public class PyNumberTests
{
    private static readonly JsonElement Cases = Vectors.Load("numbers.json");

    [Fact]
    public void IntParsingMatchesCPython()
    {
        foreach (JsonElement c in Cases.GetProperty("int").EnumerateArray())
        {
            string text = c[0].GetString()!;
            string? expected = c[1].GetString();
            string? actual = Try(() => PyInt.Parse(text).ToString());
            Assert.True(expected == actual, $"int({Short(text)}): expected {Short(expected)}, got {Short(actual)}");
        }
    }

    [Fact]
    public void OptparseIntParsingMatchesCPython()
    {
        foreach (JsonElement c in Cases.GetProperty("optint").EnumerateArray())
        {
            string text = c[0].GetString()!;
            string? expected = c[1].GetString();
            string? actual = Try(() => PyInt.ParseOptionValue(text).ToString());
            Assert.True(expected == actual, $"_parse_num({Short(text)}): expected {Short(expected)}, got {Short(actual)}");
        }
    }

    [Fact]
    public void FloatParsingMatchesCPython()
    {
        foreach (JsonElement c in Cases.GetProperty("float").EnumerateArray())
        {
            string text = c[0].GetString()!;
            string? expected = c[1].GetString();
            string? actual = Try(() => Vectors.Bits(PyFloat.Parse(text)));
            Assert.True(expected == actual, $"float({Short(text)}): expected {Short(expected)}, got {Short(actual)}");
        }
    }

    [Theory]
    [InlineData("010", 8)]
    [InlineData("0o17", 15)]
    [InlineData("0x1f", 31)]
    [InlineData("0b101", 5)]
    [InlineData("0b", 0)]
    [InlineData("0", 0)]
    [InlineData("1_000", 1000)]
    [InlineData("+3", 3)]
    [InlineData(" 010", 10)]
    [InlineData("-010", -10)]
    public void OptparseBaseGuessing(string text, long expected) =>
        Assert.Equal(expected, (long)PyInt.ParseOptionValue(text));

    [Theory]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("-0x10")]
    [InlineData("1.5")]
    [InlineData("")]
    public void OptparseRejects(string text) =>
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyInt.ParseOptionValue(text)).Kind);

    [Fact]
    public void DecimalDigitLimitAppliesToParsingAndPrinting()
    {
        Assert.Equal(4300, PyInt.Parse(new string('9', 4300)).ToString().Length);
        Assert.Throws<PythonError>(() => PyInt.Parse(new string('9', 4301)));
        BigInteger huge = PyInt.Parse("0x" + new string('f', 4000), 16); // hex has no limit
        Assert.Throws<PythonError>(() => PyInt.ToDecimal(huge));
        Assert.Throws<PythonError>(() => PyFormat.Format("%d", huge));
        Assert.Equal(1000, PyFormat.Format("%x", huge).Length - 3000);
    }

    [Fact]
    public void FloatToIntTruncatesAndRejectsNonFinite()
    {
        Assert.Equal(new BigInteger(-3), PyInt.FromFloat(-3.99));
        Assert.Equal(BigInteger.Pow(2, 70), PyInt.FromFloat(Math.Pow(2, 70)));
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => PyInt.FromFloat(double.NaN)).Kind);
        Assert.Equal(PythonErrorKind.OverflowError, Assert.Throws<PythonError>(() => PyInt.FromFloat(double.NegativeInfinity)).Kind);
    }

    [Fact]
    public void IntToFloatRoundsHalfToEvenAndOverflows()
    {
        BigInteger twoTo53 = BigInteger.Pow(2, 53);
        Assert.Equal(9007199254740992.0, PyFloat.FromInt(twoTo53 + 1)); // tie, to even
        Assert.Equal(9007199254740996.0, PyFloat.FromInt(twoTo53 + 3)); // tie, to even (upwards)
        Assert.Equal(-9007199254740994.0, PyFloat.FromInt(-(twoTo53 + 2)));
        Assert.Equal(double.MaxValue, PyFloat.FromInt(new BigInteger(double.MaxValue)));
        BigInteger justBelowOverflow = BigInteger.Pow(2, 1024) - BigInteger.Pow(2, 970) - 1;
        Assert.Equal(double.MaxValue, PyFloat.FromInt(justBelowOverflow));
        Assert.Equal(PythonErrorKind.OverflowError,
            Assert.Throws<PythonError>(() => PyFloat.FromInt(BigInteger.Pow(2, 1024) - BigInteger.Pow(2, 970))).Kind);
    }

    private static string Short(string? text) =>
        text is null ? "error" : text.Length <= 80 ? PyFormat.Repr(text) : PyFormat.Repr(text[..40]) + $"...({text.Length} chars)";

    private static string? Try(Func<string> f)
    {
        try
        {
            return f();
        }
        catch (PythonError)
        {
            return null;
        }
    }
}
