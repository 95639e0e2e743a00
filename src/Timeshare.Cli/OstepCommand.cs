using System.CommandLine;
using Timeshare.Ostep;
using Timeshare.Ostep.Python;

namespace Timeshare.Cli;

/// <summary>`timeshare ostep SIM ARGS`: the OSTEP homework simulators, same flags and output, run on the kernel.</summary>
public static class OstepCommand
{
    /// <summary>An entry in `timeshare --help`; the arguments themselves are parsed by <see cref="Run"/>.</summary>
    public static Command Describe()
    {
        var command = new Command("ostep", $"Run an OSTEP homework simulator on the kernel with its own flags: {string.Join(", ", Simulators.All.Select(s => s.Name))}. 'timeshare ostep --help' lists them.")
        {
            new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore },
        };
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        if (args is [] or ["-h" or "--help" or "help"])
        {
            using var output = new StreamWriter(stdout, leaveOpen: true);
            output.Write(Overview());
            return args.Length == 0 ? Program.UsageStatus : 0;
        }
        var simulator = Simulators.Find(args[0])
            ?? throw new UsageError($"ostep: unknown simulator '{args[0]}' (known: {string.Join(", ", Simulators.All.Select(s => s.Name))})");
        try
        {
            simulator.Run(args[1..], stdout);
            return 0;
        }
        catch (OptionParseException e)
        {
            throw new UsageError($"ostep {simulator.Name}: {e.Message}");
        }
        catch (OstepError e)
        {
            throw new UsageError($"ostep {simulator.Name}: {e.Message}");
        }
    }

    private static string Overview() =>
        "usage: timeshare ostep SIMULATOR [ARGS...]\n\n"
        + "The OSTEP homework simulators, with the reference flags and byte-identical\n"
        + "output, running on the Timeshare kernel. 'timeshare ostep SIMULATOR -h' for\n"
        + "its flags.\n\n"
        + string.Concat(Simulators.All.Select(s => $"  {s.Name,-22}{s.Summary}\n"));
}
