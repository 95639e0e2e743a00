using Timeshare.Kernel.Workloads;
using Timeshare.Ostep;

namespace Timeshare.Cli;

public static class Program
{
    public const int UsageStatus = 2;
    public const int BugStatus = 70;

    public static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        return Run(args, stdout, Console.Error);
    }

    /// <summary>The whole command, with its streams given, so tests can run it in-process.</summary>
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        try
        {
            // The OSTEP front-ends parse like the reference scripts, and skip building the command tree.
            if (args is ["ostep", .. var rest]) return OstepCommand.Run(rest, stdout, stderr);
            return Commands.Invoke(args, stdout, stderr);
        }
        catch (Exception e) when (e is UsageError or WorkloadError or OstepError or FormatException or Timeshare.Kernel.Scheduling.UndeclaredLengthError)
        {
            stderr.WriteLine($"timeshare: {e.Message}");
            return UsageStatus;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"timeshare: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"timeshare: internal error ({e.GetType().Name}): {e.Message.Split('\n')[0]}");
            return BugStatus;
        }
    }
}
