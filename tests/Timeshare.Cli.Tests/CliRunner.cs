using System.Text;

namespace Timeshare.Cli.Tests;

/// <summary>Runs the timeshare command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var exit = Program.Run(args, stdout, stderr, Stream.Null);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>A bad-input failure: status 2 and one line on stderr, with no stack trace.</summary>
    public static string AssertRefused(params string[] args)
    {
        var (exit, _, stderr) = Run(args);
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("timeshare", line);
        Assert.DoesNotContain("   at ", stderr);
        return line;
    }

    public static string TempFile(string contents, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeshare-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, contents);
        return path;
    }
}
