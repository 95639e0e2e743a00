using System.CommandLine;
using Timeshare.Kernel.Files;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// `timeshare boot`: the whole system: init as pid 1 starts a shell on the
/// terminal. Interactive when standard input is a terminal (Ctrl-D ends it);
/// --script FILE feeds the shell commands from a file instead.
/// </summary>
public static class BootCommand
{
    public static readonly Option<FileInfo?> ScriptOpt = new("--script")
    {
        Description = "Feed the shell the commands in FILE instead of the terminal, then shut down.",
    };

    public static Command Build(Stream stdout, Stream stderr, Stream? stdin)
    {
        var command = new Command("boot", "Boot Timeshare: init (pid 1) starts /bin/sh on the terminal. Ctrl-D at the prompt shuts it down.")
        {
            ScriptOpt, RunCommand.PolicyOpt, RunCommand.QuantumOpt, RunCommand.TraceOpt, RunCommand.GanttOpt,
            RunCommand.StatsOpt, RunCommand.TickCyclesOpt, RunCommand.LoadOpt,
        };
        DiskOptions.AddTo(command);
        KernelOptions.AddOptionsTo(command);
        command.SetAction(result => Execute(result, stdout, stderr, stdin));
        return command;
    }

    private static int Execute(ParseResult parsed, Stream stdout, Stream stderr, Stream? stdin)
    {
        var script = parsed.GetValue(ScriptOpt);
        if (script is { Exists: false }) throw new UsageError($"--script: {script.FullName}: no such file");
        using var input = script?.OpenRead() ?? stdin ?? Console.OpenStandardInput();
        var interactive = script is null && stdin is null && !Console.IsInputRedirected;
        var terminal = new Terminal(input, new StreamConsole(stdout), new StreamConsole(stderr), interactive);
        return SystemRun.Run(parsed, "/bin/init", ["/bin/sh"], asInit: true, terminal, stderr);
    }
}
