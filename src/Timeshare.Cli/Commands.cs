using System.CommandLine;

namespace Timeshare.Cli;

/// <summary>The command tree of `timeshare`.</summary>
public static class Commands
{
    public static RootCommand Root(Stream stdout, Stream? stderr = null, Stream? stdin = null) => new("""
        Timeshare: an operating system that virtualizes the CPU through the process
        abstraction, built to be watched. Run a workload and see every scheduling
        decision, or run the OSTEP homework simulators on the same kernel.
        """)
    {
        RunCommand.Build(stdout),
        BootCommand.Build(stdout, stderr ?? Stream.Null, stdin),
        CompareCommand.Build(stdout),
        BenchCommand.Build(stdout),
        OstepCommand.Describe(),
    };

    /// <summary>Parses and runs; a parse error is one line naming the problem, exit 2, not a help dump.</summary>
    public static int Invoke(string[] args, Stream stdout, TextWriter stderr, Stream errors, Stream? stdin)
    {
        var result = Root(stdout, errors, stdin).Parse(args.Length == 0 ? ["--help"] : args);
        if (result.Errors.Count > 0)
        {
            var command = result.CommandResult.Command;
            var path = command is RootCommand ? "timeshare" : $"timeshare {command.Name}";
            stderr.WriteLine($"{path}: {result.Errors[0].Message} (see '{path} --help')");
            return Program.UsageStatus;
        }
        var output = new StreamWriter(stdout) { AutoFlush = true };
        return result.Invoke(new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
