using System.Text.Json;
using Xunit.Abstractions;

namespace Timeshare.Ostep.Tests.Golden;

/// <summary>One recorded run of a reference simulator, from ../shared/ostep-golden.</summary>
public sealed class GoldenCase : IXunitSerializable
{
    public string File { get; private set; } = "";
    public int Line { get; private set; }
    public string[] Args { get; private set; } = [];
    public string Stdout { get; private set; } = "";
    public int Exit { get; private set; }

    /// <summary>The folder of recorded runs: shared/ beside the repository's root.</summary>
    public static string Folder() => Timeshare.Tests.Repository.PathOf("..", "shared", "ostep-golden");

    public static IEnumerable<GoldenCase> Load(string name)
    {
        var path = Path.Combine(Folder(), name + ".jsonl");
        var line = 0;
        foreach (var text in System.IO.File.ReadLines(path))
        {
            line++;
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            yield return new GoldenCase
            {
                File = name,
                Line = line,
                Args = [.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)],
                Stdout = root.GetProperty("stdout").GetString()!,
                Exit = root.GetProperty("exit").GetInt32(),
            };
        }
    }

    public static TheoryData<GoldenCase> Cases(string name) => [.. Load(name)];

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Line = info.GetValue<int>(nameof(Line));
        var loaded = Load(File).ElementAt(Line - 1);
        (Args, Stdout, Exit) = (loaded.Args, loaded.Stdout, loaded.Exit);
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Line), Line);
    }

    public override string ToString() => $"{File}:{Line} {string.Join(' ', Args)}";
}
