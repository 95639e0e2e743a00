namespace Timeshare.Cli;

/// <summary>Bad input on the command line: one line on stderr, exit status 2.</summary>
public sealed class UsageError(string message) : Exception(message);
