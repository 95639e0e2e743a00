namespace Timeshare.Ostep;

/// <summary>
/// Input a reference simulator would refuse (or never finish on). The message
/// is one line in our own words; the command exits with status 2.
/// </summary>
public sealed class OstepError(string message) : Exception(message);
