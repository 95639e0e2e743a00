using System.Globalization;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Policies by name, as users write them: "fifo", "rr", "rr:q=4", "scan", "lottery:q=2,seed=7", "stride", "cfs:latency=12".
/// Parameters follow a colon as key=value pairs separated by commas.
/// </summary>
public static class PolicySpec
{
    public static readonly IReadOnlyList<string> Names = ["fifo", "rr", "scan", "sjf", "stcf", "mlfq", "lottery", "stride", "cfs"];

    /// <exception cref="FormatException">The spec names no policy, or a parameter is wrong; the message is one line.</exception>
    public static ISchedulingPolicy Parse(string spec)
    {
        var colon = spec.IndexOf(':');
        var name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        var parameters = ParseParameters(colon < 0 ? "" : spec[(colon + 1)..], spec);
        ISchedulingPolicy policy = name switch
        {
            "fifo" => new Fifo(),
            "rr" => new RoundRobin(Positive(parameters, "q", RoundRobin.DefaultQuantum, spec)),
            "scan" => new TableScan(),
            "sjf" => new Sjf(),
            "stcf" => new Stcf(),
            "mlfq" => new Mlfq(MlfqSpec.Parse(parameters, spec)),
            "lottery" => new Lottery(new SeededRandom(Positive(parameters, "seed", 1, spec)), Positive(parameters, "q", Lottery.DefaultQuantum, spec)),
            "stride" => new Stride(Positive(parameters, "q", Stride.DefaultQuantum, spec)),
            "cfs" => new Cfs(Positive(parameters, "latency", Cfs.DefaultLatency, spec), Positive(parameters, "granularity", Cfs.DefaultGranularity, spec)),
            _ => throw new FormatException($"unknown policy '{name}' (known: {string.Join(", ", Names)})"),
        };
        if (parameters.Count > 0)
            throw new FormatException($"policy {name} has no parameter '{parameters.Keys.First()}'");
        return policy;
    }

    private static Dictionary<string, string> ParseParameters(string text, string spec)
    {
        var result = new Dictionary<string, string>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new FormatException($"'{pair}' in policy '{spec}' is not key=value");
            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>Takes a positive whole-number parameter out of <paramref name="parameters"/>.</summary>
    internal static long Positive(Dictionary<string, string> parameters, string key, long fallback, string spec)
    {
        if (!parameters.Remove(key, out var text)) return fallback;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new FormatException($"{key}={text} in policy '{spec}' must be a positive whole number");
        return value;
    }
}
