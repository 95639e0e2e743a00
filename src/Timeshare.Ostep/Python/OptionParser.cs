using System.Text;

namespace Timeshare.Ostep.Python;

/// <summary>
/// The command-line rules of Python 3.11's optparse, which decide what the simulators accept:
/// "-s5" = "-s 5"; clustered flags "-cp", "-cs5"; "--seed=5" = "--seed 5"; unambiguous long prefixes
/// ("--se"; an exact name always wins); the last repeat wins; "--" ends options; "-" and other words are
/// positional anywhere; a value is taken from the next word even if it starts with '-'.
/// -h/--help are built in and end parsing where they occur.
/// </summary>
public sealed class OptionParser
{
    private const string HelpDest = "\0help";

    private readonly Dictionary<string, OptionSpec> _short = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OptionSpec> _long = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _defaults = new(StringComparer.Ordinal);

    public OptionParser(IEnumerable<OptionSpec> options)
    {
        Add(OptionSpec.Flag("-h", "--help", HelpDest));
        foreach (OptionSpec option in options)
        {
            Add(option);
        }
    }

    /// <summary>Parses argv (without the program name). Throws <see cref="OptionParseException"/>.</summary>
    public OptionParseResult Parse(IReadOnlyList<string> argv)
    {
        var values = new Dictionary<string, object?>(_defaults, StringComparer.Ordinal);
        var positional = new List<string>();
        int i = 0;
        while (i < argv.Count)
        {
            string arg = argv[i++];
            bool help;
            if (arg == "--")
            {
                positional.AddRange(argv.Skip(i));
                break;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                help = ParseLong(arg, argv, ref i, values);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                help = ParseCluster(arg, argv, ref i, values);
            }
            else
            {
                positional.Add(arg);
                continue;
            }

            if (help)
            {
                return new OptionParseResult(true, values, positional);
            }
        }

        values.Remove(HelpDest);
        return new OptionParseResult(false, values, positional);
    }

    private void Add(OptionSpec option)
    {
        if (option.ShortName is { } s && !_short.TryAdd(s, option))
        {
            throw new ArgumentException($"option {s} declared twice");
        }

        if (option.LongName is { } l && !_long.TryAdd(l, option))
        {
            throw new ArgumentException($"option {l} declared twice");
        }

        // As in optparse, the last option declared for a destination sets its default.
        _defaults[option.Dest] = option.Default;
    }

    /// <summary>"--name", "--name=value" or "--prefix[=value]"; returns true for help.</summary>
    private bool ParseLong(string arg, IReadOnlyList<string> argv, ref int i, Dictionary<string, object?> values)
    {
        int eq = arg.IndexOf('=');
        string name = eq < 0 ? arg : arg[..eq];
        OptionSpec option = MatchLong(name);
        string? value = null;
        if (option.TakesValue)
        {
            value = eq >= 0 ? arg[(eq + 1)..] : NextValue(argv, ref i, option.LongName!);
        }
        else if (eq >= 0)
        {
            throw new OptionParseException(OptionErrorKind.UnexpectedValue, $"option {option.LongName} takes no value");
        }

        return Store(option, option.LongName!, value, values);
    }

    /// <summary>
    /// "-abc": flags one after another until an option taking a value, which takes the rest of the word
    /// (or the next word). Returns true for help.
    /// </summary>
    private bool ParseCluster(string arg, IReadOnlyList<string> argv, ref int i, Dictionary<string, object?> values)
    {
        int pos = 1;
        while (pos < arg.Length)
        {
            int width = char.IsSurrogatePair(arg, pos) ? 2 : 1;
            string name = "-" + arg.Substring(pos, width);
            pos += width;
            if (!_short.TryGetValue(name, out OptionSpec? option))
            {
                throw new OptionParseException(OptionErrorKind.UnknownOption, $"unknown option {NameText(name)}");
            }

            string? value = null;
            if (option.TakesValue)
            {
                value = pos < arg.Length ? arg[pos..] : NextValue(argv, ref i, name);
                pos = arg.Length;
            }

            if (Store(option, name, value, values))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An exact long name, else the only long name starting with the given text.</summary>
    private OptionSpec MatchLong(string name)
    {
        if (_long.TryGetValue(name, out OptionSpec? exact))
        {
            return exact;
        }

        var candidates = _long.Keys.Where(k => k.StartsWith(name, StringComparison.Ordinal)).ToList();
        return candidates.Count switch
        {
            1 => _long[candidates[0]],
            0 => throw new OptionParseException(OptionErrorKind.UnknownOption, $"unknown option {NameText(name)}"),
            _ => throw new OptionParseException(
                OptionErrorKind.AmbiguousOption,
                $"option {NameText(name)} is ambiguous (could be {string.Join(", ", candidates)})"),
        };
    }

    private static string NextValue(IReadOnlyList<string> argv, ref int i, string name) =>
        i < argv.Count
            ? argv[i++]
            : throw new OptionParseException(OptionErrorKind.MissingValue, $"option {name} needs a value");

    private static bool Store(OptionSpec option, string name, string? value, Dictionary<string, object?> values)
    {
        if (option.Dest == HelpDest)
        {
            return true;
        }

        values[option.Dest] = option.Kind switch
        {
            OptionKind.StoreTrue => true,
            OptionKind.StoreFalse => false,
            OptionKind.String => value,
            OptionKind.Int => Convert(name, value!, "a whole number", v => PyInt.ParseOptionValue(v)),
            _ => Convert(name, value!, "a number", v => PyFloat.Parse(v)),
        };
        return false;
    }

    private static object Convert(string name, string value, string what, Func<string, object> parse)
    {
        try
        {
            return parse(value);
        }
        catch (PythonError)
        {
            throw new OptionParseException(OptionErrorKind.BadNumber, $"option {name} needs {what}, got {ValueText(value)}");
        }
    }

    /// <summary>An option name as typed, escaped only if printing it raw could break the line.</summary>
    private static string NameText(string name)
    {
        string quoted = PyFormat.Repr(name);
        return quoted.AsSpan(1, quoted.Length - 2).SequenceEqual(name) ? Shorten(name) : Shorten(quoted);
    }

    /// <summary>A value quoted (escapes keep the message on one line) and cut if long.</summary>
    private static string ValueText(string value) => Shorten(PyFormat.Repr(value));

    private static string Shorten(string text) =>
        text.Length <= 60 ? text : new StringBuilder(text, 0, 57, 60).Append("...").ToString();
}
