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
        using var stderr = Console.OpenStandardError();
        return Run(args, stdout, stderr);
    }

    /// <summary>The whole command, with its streams given, so tests can run it in-process.</summary>
    /// <param name="stdin">What programs run with --elf read from fd 0; the console's input when null.</param>
    public static int Run(string[] args, Stream stdout, Stream errors, Stream? stdin = null)
    {
        using var stderr = new StreamWriter(errors, leaveOpen: true) { AutoFlush = true };
        try
        {
            // The OSTEP front-ends parse like the reference scripts, and skip building the command tree.
            if (args is ["ostep", .. var rest]) return OstepCommand.Run(rest, stdout, stderr);
            // A program's arguments are its own: they are not parsed as options.
            if (args is ["run", .. var run] && Array.IndexOf(run, ElfRun.Flag) is var at and >= 0)
                return ElfRun.Run(run[..at], run[(at + 1)..], stdin ?? Console.OpenStandardInput(), stdout, errors);
            if (args is ["run", .. var options] && DiskProgram.Find(options) is { } program)
                return DiskProgram.Run(options[..program], options[program], options[(program + 1)..], stdin ?? Console.OpenStandardInput(), stdout, errors);
            return Commands.Invoke(args, stdout, stderr, errors, stdin);
        }
        catch (Exception e) when (e is UsageError or WorkloadError or OstepError or FormatException or Kernel.Scheduling.PolicyError)
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
