namespace Timeshare.Ostep.Fork;

/// <summary>
/// One action of fork.py: <c>P+C</c> (P forks C) or <c>P-</c> (P exits).
/// Child is null for an exit.
/// </summary>
public readonly record struct ForkAction(string Process, string? Child)
{
    public bool IsFork => Child is not null;

    /// <summary>
    /// Reads one action as the reference does: a '+' makes it a fork of two
    /// names, otherwise a '-' makes it an exit (text after the '-' is ignored).
    /// </summary>
    public static ForkAction Parse(string text)
    {
        var separator = text.Contains('+') ? '+' : text.Contains('-') ? '-' : throw Bad(text);
        var parts = text.Split(separator);
        if (parts.Length != 2) throw Bad(text);
        return separator == '+' ? new ForkAction(parts[0], parts[1]) : new ForkAction(parts[0], null);
    }

    public static OstepError Bad(string text) =>
        new($"action '{text}' is not P+C (P forks C) or P- (P exits) for a live process P");

    public override string ToString() => IsFork ? $"{Process}+{Child}" : $"{Process}-";
}
