using System.Globalization;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// The parameters of "mlfq:levels=3,q=10,allot=1,boost=100,reset=1,bump=1".
/// q and allot take one number for every level or one per level, top first,
/// split by '/' (q=10/20/40); no boost means never; reset and bump
/// are 0 or 1 (<see cref="MlfqOptions.ResetOnBlock"/>, <see cref="MlfqOptions.WokenToFront"/>).
/// </summary>
internal static class MlfqSpec
{
    /// <summary>More levels than anyone can tell apart; a typo, not a design.</summary>
    private const int MaxLevels = 1000;

    /// <summary>Takes the mlfq parameters out of <paramref name="parameters"/>.</summary>
    public static MlfqOptions Parse(Dictionary<string, string> parameters, string spec)
    {
        var quanta = PerLevel(parameters, "q", MlfqOptions.DefaultQuantum, spec);
        var allotments = PerLevel(parameters, "allot", MlfqOptions.DefaultAllotment, spec);
        var fallback = quanta.Length > 1 ? quanta.Length : allotments.Length > 1 ? allotments.Length : MlfqOptions.DefaultLevels;
        var levels = PolicySpec.Positive(parameters, "levels", fallback, spec);
        if (levels > MaxLevels) throw new FormatException($"levels={levels} in policy '{spec}' is more than {MaxLevels}");
        return new MlfqOptions
        {
            Quanta = Spread(quanta, (int)levels, "q", spec),
            Allotments = Spread(allotments, (int)levels, "allot", spec),
            BoostPeriod = PolicySpec.Positive(parameters, "boost", 0, spec),
            ResetOnBlock = Flag(parameters, "reset", spec),
            WokenToFront = Flag(parameters, "bump", spec),
        };
    }

    private static bool Flag(Dictionary<string, string> parameters, string key, string spec) =>
        parameters.Remove(key, out var text) && text switch
        {
            "1" => true,
            "0" => false,
            _ => throw new FormatException($"{key}={text} in policy '{spec}' must be 0 or 1"),
        };

    /// <summary>One number, or one per level top first; returned bottom first, as levels are numbered.</summary>
    private static long[] PerLevel(Dictionary<string, string> parameters, string key, long fallback, string spec)
    {
        if (!parameters.Remove(key, out var text)) return [fallback];
        var values = new List<long>();
        foreach (var item in text.Split('/'))
        {
            if (!long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                throw new FormatException($"{key}={text} in policy '{spec}' must be positive whole numbers split by '/'");
            values.Add(value);
        }
        values.Reverse();
        return [.. values];
    }

    private static long[] Spread(long[] values, int levels, string key, string spec) =>
        values.Length == 1 ? [.. Enumerable.Repeat(values[0], levels)]
        : values.Length == levels ? values
        : throw new FormatException($"{key} in policy '{spec}' has {values.Length} values for {levels} levels");
}
