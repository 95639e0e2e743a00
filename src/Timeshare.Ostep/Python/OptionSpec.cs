using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>What an option does with its value, as optparse's type/action.</summary>
public enum OptionKind
{
    /// <summary>type='int': optparse's base-guessing int conversion; the value is a BigInteger.</summary>
    Int,

    /// <summary>type='float': Python float(); the value is a double.</summary>
    Float,

    /// <summary>type='string': stored as given.</summary>
    String,

    /// <summary>action='store_true'.</summary>
    StoreTrue,

    /// <summary>action='store_false'.</summary>
    StoreFalse,
}

/// <summary>
/// One optparse option: "-s" and/or "--seed", where the value goes, its kind and default.
/// Defaults are stored as given (like optparse, which does not convert non-string defaults).
/// </summary>
public sealed record OptionSpec
{
    public OptionSpec(string? shortName, string? longName, string dest, OptionKind kind, object? defaultValue)
    {
        if (shortName is null && longName is null)
        {
            throw new ArgumentException("an option needs a short or a long name");
        }

        if (shortName is not null && (shortName.Length != 2 || shortName[0] != '-' || shortName[1] == '-'))
        {
            throw new ArgumentException($"short option must be '-' and one character: {shortName}", nameof(shortName));
        }

        if (longName is not null && (longName.Length < 3 || !longName.StartsWith("--", StringComparison.Ordinal) || longName[2] == '-'))
        {
            throw new ArgumentException($"long option must be '--' and a name: {longName}", nameof(longName));
        }

        ArgumentException.ThrowIfNullOrEmpty(dest);
        (ShortName, LongName, Dest, Kind, Default) = (shortName, longName, dest, kind, defaultValue);
    }

    public string? ShortName { get; }

    public string? LongName { get; }

    public string Dest { get; }

    public OptionKind Kind { get; }

    public object? Default { get; }

    /// <summary>Whether the option consumes a value (every kind but the two store actions).</summary>
    public bool TakesValue => Kind is OptionKind.Int or OptionKind.Float or OptionKind.String;

    public static OptionSpec Int(string? shortName, string? longName, string dest, BigInteger defaultValue) =>
        new(shortName, longName, dest, OptionKind.Int, defaultValue);

    public static OptionSpec Float(string? shortName, string? longName, string dest, double defaultValue) =>
        new(shortName, longName, dest, OptionKind.Float, defaultValue);

    public static OptionSpec String(string? shortName, string? longName, string dest, string defaultValue) =>
        new(shortName, longName, dest, OptionKind.String, defaultValue);

    public static OptionSpec Flag(string? shortName, string? longName, string dest, bool defaultValue = false) =>
        new(shortName, longName, dest, OptionKind.StoreTrue, defaultValue);

    public static OptionSpec FlagOff(string? shortName, string? longName, string dest, bool defaultValue = true) =>
        new(shortName, longName, dest, OptionKind.StoreFalse, defaultValue);
}
