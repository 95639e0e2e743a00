using System.Text.Json;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>
/// Reads a workload file:
/// <code>
/// { "processes": [
///     { "name": "A", "arrival": 0, "nice": 0, "tickets": 100, "length": 8, "affinity": [0, 2], "working_set": 50,
///       "script": ["cpu 5", "io", {"fork": ["cpu 2"]}, "wait", "cpu 1", "exit 3"] },
///     { "name": "B", "script": "c3,i,c2" } ] }
/// </code>
/// A script is a list of steps or a shorthand string. Every error names its place.
/// </summary>
public static class WorkloadJson
{
    private static readonly string[] ProcessKeys = ["name", "arrival", "nice", "tickets", "length", "affinity", "working_set", "script"];

    public static Workload Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WorkloadError($"not valid JSON: {e.Message.Split('\n')[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("processes", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new WorkloadError("the top level must be an object with a \"processes\" array");
            if (list.GetArrayLength() == 0) throw new WorkloadError("\"processes\" is empty: nothing to run");
            return new Workload([.. list.EnumerateArray().Select((p, i) => ParseProcess(p, $"processes[{i}]", i))]);
        }
    }

    private static ProcessSpec ParseProcess(JsonElement e, string at, int index)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new WorkloadError($"{at}: a process must be an object");
        foreach (var property in e.EnumerateObject())
            if (!ProcessKeys.Contains(property.Name))
                throw new WorkloadError($"{at}: unknown field \"{property.Name}\" (known: {string.Join(", ", ProcessKeys)})");
        if (!e.TryGetProperty("script", out var script)) throw new WorkloadError($"{at}: \"script\" is missing");
        var name = e.TryGetProperty("name", out var n)
            ? n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } s ? s : throw new WorkloadError($"{at}.name: must be a non-empty string")
            : Shorthand.NameOf(index);
        var arrival = Integer(e, "arrival", at, 0, 0, long.MaxValue / 2);
        var nice = (int)Integer(e, "nice", at, 0, Processes.ProcessApi.MinNice, Processes.ProcessApi.MaxNice);
        var tickets = (int)Integer(e, "tickets", at, 100, 1, int.MaxValue);
        long? length = e.TryGetProperty("length", out _) ? Integer(e, "length", at, 0, 0, long.MaxValue / 2) : null;
        var workingSet = Integer(e, "working_set", at, 0, 0, long.MaxValue / 2);
        return new ProcessSpec(name, ParseScript(script, $"{at}.script"), arrival, nice, tickets, length, Affinity(e, at), workingSet);
    }

    private static Script ParseScript(JsonElement e, string at)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            try
            {
                return Shorthand.Program(e.GetString()!);
            }
            catch (WorkloadError error)
            {
                throw new WorkloadError($"{at}: {error.Message}");
            }
        }
        if (e.ValueKind != JsonValueKind.Array) throw new WorkloadError($"{at}: must be a list of steps or a shorthand string like \"c3,i,c2\"");
        return new Script([.. e.EnumerateArray().Select((s, i) => ParseStep(s, $"{at}[{i}]"))]);
    }

    private static Step ParseStep(JsonElement e, string at)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.EnumerateObject().Count() != 1 || !e.TryGetProperty("fork", out var child))
                throw new WorkloadError($"{at}: an object step must be {{\"fork\": [child's steps]}}");
            return Step.Fork(ParseScript(child, $"{at}.fork"));
        }
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        if (text.StartsWith("print ", StringComparison.Ordinal)) return Step.Print(text["print ".Length..]);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["cpu", var t] when int.TryParse(t, out var ticks) && ticks >= 0 => Step.Cpu(ticks),
            ["io"] => Step.Io,
            ["wait"] => Step.Wait(),
            ["exit"] => Step.Exit(),
            ["exit", var s] when int.TryParse(s, out var status) && status is >= 0 and <= 255 => Step.Exit(status),
            ["sleep", var t] when int.TryParse(t, out var ticks) && ticks >= 0 => Step.Sleep(ticks),
            _ => throw new WorkloadError($"{at}: {e.GetRawText()} is not a step (\"cpu N\", \"io\", \"wait\", \"exit\", \"exit N\", \"sleep N\", \"print TEXT\" or {{\"fork\": [...]}})"),
        };
    }

    /// <summary>The CPU numbers are checked against the machine when the process is created.</summary>
    private static int[]? Affinity(JsonElement e, string at)
    {
        if (!e.TryGetProperty("affinity", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || list.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var cpu) || cpu < 0))
            throw new WorkloadError($"{at}.affinity: must be a non-empty list of CPU numbers, got {list.GetRawText()}");
        return [.. list.EnumerateArray().Select(c => c.GetInt32())];
    }

    private static long Integer(JsonElement e, string key, string at, long fallback, long min, long max)
    {
        if (!e.TryGetProperty(key, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < min || n > max)
            throw new WorkloadError($"{at}.{key}: must be a whole number from {min} to {max}, got {v.GetRawText()}");
        return n;
    }
}
