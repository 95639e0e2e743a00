namespace Timeshare.Ostep;

/// <summary>One OSTEP homework front-end: its name, its help, and a run from the reference's arguments.</summary>
public sealed record Simulator(string Name, string Summary, Func<string> Help, Action<IReadOnlyList<string>, Stream> Run)
{
    /// <summary>
    /// A front-end from its two halves: <paramref name="parse"/> reads the
    /// reference's flags (null when help was asked for, which is then printed)
    /// and <paramref name="simulate"/> runs them.
    /// </summary>
    public static Simulator Of<T>(string name, string summary, Func<string> help,
        Func<IReadOnlyList<string>, T?> parse, Action<T, Stream> simulate) where T : class =>
        new(name, summary, help, (args, stdout) =>
        {
            if (parse(args) is { } options) simulate(options, stdout);
            else WriteHelp(stdout, help());
        });

    /// <summary>Writes help text, ending it with a newline.</summary>
    private static void WriteHelp(Stream stdout, string text)
    {
        stdout.Write(System.Text.Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n"));
        stdout.Flush();
    }
}
