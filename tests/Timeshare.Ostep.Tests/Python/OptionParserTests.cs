using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

public class OptionParserTests
{
    private static readonly JsonElement Data = Vectors.Load("optparse.json");

    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (JsonProperty p in Data.GetProperty("specs").EnumerateObject())
        {
            data.Add(p.Name);
        }

        return data;
    }

    /// <summary>The option table vectors.py declared for a simulator, as OptionSpecs.</summary>
    private static List<OptionSpec> Specs(string table) =>
        Data.GetProperty("specs").GetProperty(table).EnumerateArray().Select(o => new OptionSpec(
            o.GetProperty("short").GetString(),
            o.GetProperty("long").GetString(),
            o.GetProperty("dest").GetString()!,
            o.GetProperty("kind").GetString() switch
            {
                "int" => OptionKind.Int,
                "float" => OptionKind.Float,
                "string" => OptionKind.String,
                "true" => OptionKind.StoreTrue,
                _ => OptionKind.StoreFalse,
            },
            FromCompact(o.GetProperty("default").GetString()!))).ToList();

    [Theory]
    [MemberData(nameof(Tables))]
    public void ParsesLikeOptparse(string table)
    {
        List<OptionSpec> specs = Specs(table);
        var parser = new OptionParser(specs);
        var failures = new List<string>();
        int count = 0;
        foreach (JsonElement c in Data.GetProperty("cases").GetProperty(table).EnumerateArray())
        {
            count++;
            string[] argv = c.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
            string expected = Expected(c, specs);
            string actual = Actual(parser, argv, specs);
            if (expected != actual)
            {
                failures.Add($"{PyFormat.Repr(argv.ToList())}: expected {expected}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count}/{count} differ:\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>
    /// Golden runs that exit 2 are exactly those optparse rejects; every other run gets past option parsing
    /// (its exit 1 comes from the simulator itself).
    /// </summary>
    [Theory]
    [MemberData(nameof(Tables))]
    public void GoldenExitTwoIsExactlyAParseError(string table)
    {
        var parser = new OptionParser(Specs(table));
        foreach (JsonElement c in Data.GetProperty("cases").GetProperty(table).EnumerateArray())
        {
            if (!c.TryGetProperty("golden_exit", out JsonElement exit))
            {
                continue;
            }

            string[] argv = c.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
            bool rejected = Record.Exception(() => parser.Parse(argv)) is OptionParseException;
            Assert.True(rejected == (exit.GetInt32() == 2), $"{table} {PyFormat.Repr(argv.ToList())} exit {exit.GetInt32()}");
        }
    }

    private static OptionParser Sample() => new(
    [
        OptionSpec.Int("-s", "--seed", "seed", 0),
        OptionSpec.Int("-j", "--jobs", "jobs", 3),
        OptionSpec.String("-l", "--jlist", "jlist", ""),
        OptionSpec.String("-A", "--action_list", "action_list", ""),
        OptionSpec.Int("-a", "--actions", "actions", 5),
        OptionSpec.Float("-f", "--forks", "forks", 0.7),
        OptionSpec.Flag("-c", "--compute", "solve"),
        OptionSpec.Flag("-p", null, "stats"),
    ]);

    [Theory]
    [InlineData(new[] { "-s5" }, "seed", "5")]
    [InlineData(new[] { "-s", "5" }, "seed", "5")]
    [InlineData(new[] { "--seed=5" }, "seed", "5")]
    [InlineData(new[] { "--seed", "5" }, "seed", "5")]
    [InlineData(new[] { "--se", "010" }, "seed", "8")]
    [InlineData(new[] { "-cs5" }, "seed", "5")]
    [InlineData(new[] { "-s", "-5" }, "seed", "-5")]
    [InlineData(new[] { "-s", "1", "-s", "2" }, "seed", "2")]
    [InlineData(new[] { "--seed=0x1f" }, "seed", "31")]
    [InlineData(new[] { "-l", "-c" }, "jlist", "-c")]
    [InlineData(new[] { "--jlist=" }, "jlist", "")]
    [InlineData(new[] { "--action_list", "a+b" }, "action_list", "a+b")]
    [InlineData(new[] { "--actions=2" }, "actions", "2")]
    [InlineData(new[] { "-f", "1e-3" }, "forks", "0.001")]
    [InlineData(new[] { "-f", " 1_0.5 " }, "forks", "10.5")]
    [InlineData(new[] { "-cp" }, "stats", "True")]
    [InlineData(new[] { "--comp" }, "solve", "True")]
    public void AcceptedForms(string[] argv, string dest, string expected)
    {
        OptionParseResult result = Sample().Parse(argv);
        Assert.False(result.HelpRequested);
        Assert.Equal(expected, PyFormat.Str(result[dest]));
    }

    [Fact]
    public void PositionalWordsAndDoubleDash()
    {
        OptionParseResult result = Sample().Parse(["x", "-", "-c", "y", "--", "-s", "9"]);
        Assert.Equal(["x", "-", "y", "-s", "9"], result.Positional);
        Assert.True(result.GetFlag("solve"));
        Assert.Equal(BigInteger.Zero, result.GetInt("seed"));
    }

    [Theory]
    [InlineData(new[] { "-z" }, OptionErrorKind.UnknownOption, "unknown option -z")]
    [InlineData(new[] { "-2" }, OptionErrorKind.UnknownOption, "unknown option -2")]
    [InlineData(new[] { "-cx" }, OptionErrorKind.UnknownOption, "unknown option -x")]
    [InlineData(new[] { "--nope" }, OptionErrorKind.UnknownOption, "unknown option --nope")]
    [InlineData(new[] { "--act", "4" }, OptionErrorKind.AmbiguousOption, "option --act is ambiguous (could be --action_list, --actions)")]
    [InlineData(new[] { "-s" }, OptionErrorKind.MissingValue, "option -s needs a value")]
    [InlineData(new[] { "--seed" }, OptionErrorKind.MissingValue, "option --seed needs a value")]
    [InlineData(new[] { "--compute=yes" }, OptionErrorKind.UnexpectedValue, "option --compute takes no value")]
    [InlineData(new[] { "-s", "x" }, OptionErrorKind.BadNumber, "option -s needs a whole number, got 'x'")]
    [InlineData(new[] { "-s", "08" }, OptionErrorKind.BadNumber, "option -s needs a whole number, got '08'")]
    [InlineData(new[] { "--se=1.5" }, OptionErrorKind.BadNumber, "option --seed needs a whole number, got '1.5'")]
    [InlineData(new[] { "-f", "abc" }, OptionErrorKind.BadNumber, "option -f needs a number, got 'abc'")]
    [InlineData(new[] { "-s", "a\nb" }, OptionErrorKind.BadNumber, "option -s needs a whole number, got 'a\\nb'")]
    public void RejectedForms(string[] argv, OptionErrorKind kind, string message)
    {
        var e = Assert.Throws<OptionParseException>(() => Sample().Parse(argv));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("--he")]
    [InlineData("-ch")]
    public void HelpIsAnOutcomeNotAnError(string arg) =>
        Assert.True(Sample().Parse(["-s", "1", arg, "--bogus"]).HelpRequested);

    [Fact]
    public void AnErrorBeforeHelpWins() =>
        Assert.Throws<OptionParseException>(() => Sample().Parse(["-s", "x", "-h"]));

    [Fact]
    public void DefaultsAreReturnedUntouched()
    {
        OptionParseResult result = Sample().Parse([]);
        Assert.Equal(new BigInteger(3), result.GetInt("jobs"));
        Assert.Equal(0.7, result.GetFloat("forks"));
        Assert.Equal("", result.GetString("jlist"));
        Assert.False(result.GetFlag("solve"));
    }

    [Fact]
    public void DeclarationMistakesAreCaught()
    {
        Assert.Throws<ArgumentException>(() => new OptionParser([OptionSpec.Flag("-h", null, "x")]));
        Assert.Throws<ArgumentException>(() => OptionSpec.Flag("--", null, "x"));
        Assert.Throws<ArgumentException>(() => OptionSpec.Flag(null, "-x", "x"));
        Assert.Throws<ArgumentException>(() => OptionSpec.Flag(null, null, "x"));
    }

    private static string Expected(JsonElement c, List<OptionSpec> specs)
    {
        if (c.TryGetProperty("help", out _))
        {
            return "help";
        }

        if (c.TryGetProperty("error", out JsonElement error))
        {
            return "error " + error.GetString();
        }

        JsonElement values = c.GetProperty("values");
        var parts = specs.Select(s => s.Dest).Distinct().Select(dest =>
            dest + "=" + (values.TryGetProperty(dest, out JsonElement v) ? v.GetString()! : ToCompact(specs.Last(s => s.Dest == dest).Default)));
        string args = string.Join("|", c.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        return string.Join(" ", parts) + " args=" + args;
    }

    private static string Actual(OptionParser parser, string[] argv, List<OptionSpec> specs)
    {
        OptionParseResult result;
        try
        {
            result = parser.Parse(argv);
        }
        catch (OptionParseException e)
        {
            return "error " + e.Kind;
        }

        if (result.HelpRequested)
        {
            return "help";
        }

        var parts = specs.Select(s => s.Dest).Distinct().Select(dest => dest + "=" + ToCompact(result[dest]));
        return string.Join(" ", parts) + " args=" + string.Join("|", result.Positional);
    }

    /// <summary>vectors.py's "type:value" text for a Python value.</summary>
    private static string ToCompact(object? value) => value switch
    {
        bool b => "b:" + (b ? "True" : "False"),
        BigInteger n => "i:" + n.ToString(CultureInfo.InvariantCulture),
        double d => "f:" + Vectors.Bits(d),
        string s => "s:" + s,
        _ => throw new InvalidDataException(value?.GetType().Name),
    };

    private static object FromCompact(string text) => text[..2] switch
    {
        "b:" => text == "b:True",
        "i:" => Vectors.Int(text[2..]),
        "f:" => Vectors.Float(text[2..]),
        _ => text[2..],
    };
}
