using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>
/// What a command line amounted to: either a help request (optparse would print help and exit 0 at that
/// point, ignoring the rest) or the option values plus the positional words.
/// </summary>
public sealed class OptionParseResult
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    internal OptionParseResult(bool helpRequested, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> positional)
    {
        HelpRequested = helpRequested;
        _values = values;
        Positional = positional;
    }

    /// <summary>-h/--help was reached before any error; the values are not meaningful then.</summary>
    public bool HelpRequested { get; }

    /// <summary>Non-option words, in order (optparse allows them anywhere, and after "--").</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>The raw value of a destination: BigInteger, double, string, bool, or a default as declared.</summary>
    public object? this[string dest] =>
        _values.TryGetValue(dest, out object? value) ? value : throw new KeyNotFoundException($"no option stores to '{dest}'");

    public BigInteger GetInt(string dest) => this[dest] switch
    {
        BigInteger big => big,
        var other when PyFormat.TryInteger(other, out BigInteger n) => n,
        var other => throw new InvalidCastException($"'{dest}' holds {PyFormat.TypeName(other)}, not int"),
    };

    public double GetFloat(string dest) => this[dest] switch
    {
        double d => d,
        var other when PyFormat.TryInteger(other, out BigInteger n) => PyFloat.FromInt(n),
        var other => throw new InvalidCastException($"'{dest}' holds {PyFormat.TypeName(other)}, not float"),
    };

    public string GetString(string dest) => this[dest] as string
        ?? throw new InvalidCastException($"'{dest}' does not hold a string");

    public bool GetFlag(string dest) => this[dest] is bool b
        ? b
        : throw new InvalidCastException($"'{dest}' does not hold a bool");
}
