using System.Text;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Golden;

/// <summary>
/// How a recorded run is checked: a success must print the same bytes; a
/// failure must be refused with a one-line error of ours.
/// </summary>
public static class GoldenCheck
{
    /// <param name="run">How to run the case; the registered simulator's run by default.</param>
    public static void Matches(GoldenCase c, Action<IReadOnlyList<string>, Stream>? run = null)
    {
        run ??= (Simulators.Find(c.File) ?? throw new InvalidOperationException($"no simulator {c.File}")).Run;
        using var stdout = new MemoryStream();
        if (c.Exit == 0)
        {
            run(c.Args, stdout);
            Assert.Equal(c.Stdout, Encoding.UTF8.GetString(stdout.ToArray()));
            return;
        }
        var error = Record.Exception(() => run(c.Args, stdout));
        Assert.True(error is OstepError or OptionParseException, $"expected a refusal, got {error?.GetType().Name ?? "success"}: {error}");
        Assert.DoesNotContain('\n', error!.Message);
    }
}
