namespace Timeshare.Ostep.Python;

/// <summary>Why a command line was rejected.</summary>
public enum OptionErrorKind
{
    /// <summary>No option has that name (nor, for a long name, starts with it).</summary>
    UnknownOption,

    /// <summary>A long-name prefix matching several options.</summary>
    AmbiguousOption,

    /// <summary>An option needing a value came last.</summary>
    MissingValue,

    /// <summary>"--flag=x" on an option that takes no value.</summary>
    UnexpectedValue,

    /// <summary>An int or float option whose value does not convert.</summary>
    BadNumber,
}

/// <summary>A command-line error; the message is one line, in Timeshare's words.</summary>
public sealed class OptionParseException : Exception
{
    public OptionParseException(OptionErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public OptionErrorKind Kind { get; }
}
