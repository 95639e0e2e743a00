using System.Globalization;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>
/// OSTEP's one-line workloads. Programs: "c7,i,c1,i:c3", processes split by
/// ':', each a comma list of cN (N ticks of CPU) and i (an I/O). Random:
/// "5:50,3:100", processes split by ',', X:Y meaning X steps each a tick of
/// CPU with Y percent chance and an I/O otherwise.
/// </summary>
public static class Shorthand
{
    /// <summary>True when <paramref name="text"/> is in the random X:Y form.</summary>
    public static bool IsRandomForm(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]);

    public static Workload Parse(string text, SeededRandom random) =>
        IsRandomForm(text) ? Random(text, random) : Programs(text);

    public static Workload Programs(string text) =>
        new([.. text.Split(':').Select((p, i) => new ProcessSpec(NameOf(i), Program(p)))]);

    public static Script Program(string text)
    {
        var steps = new List<Step>();
        foreach (var op in text.Split(','))
        {
            var word = op.Trim();
            if (word == "i") steps.Add(Step.Io);
            else if (word.StartsWith('c') && TryCount(word[1..], out var n)) steps.Add(Step.Cpu(n));
            else throw new WorkloadError($"'{op}' in program '{text}' is not cN (N ticks of CPU) or i (an I/O)");
        }
        return new Script(steps);
    }

    public static Workload Random(string text, SeededRandom random)
    {
        var processes = new List<ProcessSpec>();
        foreach (var description in text.Split(','))
        {
            var parts = description.Split(':');
            if (parts.Length != 2 || !TryCount(parts[0], out var count)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 100)
                throw new WorkloadError($"'{description}' is not X:Y (X steps, each CPU with Y percent chance, 0 to 100)");
            var steps = new List<Step>();
            for (var i = 0; i < count; i++) steps.Add(random.NextDouble() < percent / 100 ? Step.Cpu(1) : Step.Io);
            processes.Add(new ProcessSpec(NameOf(processes.Count), new Script(steps)));
        }
        return new Workload(processes);
    }

    /// <summary>A, B, ..., Z, P26, P27, ...</summary>
    public static string NameOf(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"P{index}";

    private static bool TryCount(string text, out int n) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n <= 1_000_000_000;
}
