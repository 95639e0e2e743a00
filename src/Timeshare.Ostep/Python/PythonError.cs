namespace Timeshare.Ostep.Python;

/// <summary>The Python exception class a failure corresponds to.</summary>
public enum PythonErrorKind
{
    ValueError,
    OverflowError,
    TypeError,
    IndexError,
    ZeroDivisionError,
}

/// <summary>
/// A failure CPython would raise at run time (a bad int() literal, %d of infinity...).
/// The simulators die with a traceback there, so callers usually turn this into a non-zero exit.
/// </summary>
public sealed class PythonError : Exception
{
    public PythonError(PythonErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public PythonErrorKind Kind { get; }

    internal static PythonError Value(string message) => new(PythonErrorKind.ValueError, message);

    internal static PythonError Overflow(string message) => new(PythonErrorKind.OverflowError, message);

    internal static PythonError Type(string message) => new(PythonErrorKind.TypeError, message);

    internal static PythonError Index(string message) => new(PythonErrorKind.IndexError, message);

    internal static PythonError ZeroDivision(string message) => new(PythonErrorKind.ZeroDivisionError, message);
}
