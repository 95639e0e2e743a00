using System.CommandLine;
using Timeshare.Kernel.Files;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// `timeshare run [OPTIONS] /bin/PROG [ARGS...]`: the first operand is an
/// absolute path on the simulated disk when --root or --disk is given, or
/// when no workload file of that name exists on the host (a host executable,
/// such as the host's own /bin/sh, is never a workload). Everything after it
/// is the program's own arguments.
/// </summary>
public static class DiskProgram
{
    /// <summary>The index of the program operand in `run`'s arguments, or null for a workload run.</summary>
    public static int? Find(string[] run)
    {
        var command = RunCommand.Build(Stream.Null);
        var flags = command.Options.Where(o => o.ValueType == typeof(bool)).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        var diskNamed = false;
        for (var i = 0; i < run.Length; i++)
        {
            var token = run[i];
            if (token.StartsWith('-'))
            {
                diskNamed |= token.Split('=')[0] is "--root" or "--disk";
                if (!flags.Contains(token) && !token.Contains('=')) i++;
                continue;
            }
            if (!token.StartsWith('/')) return null;
            return diskNamed || !IsWorkloadFile(token) ? i : null;
        }
        return null;
    }

    private static ReadOnlySpan<byte> ElfMagic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    private static bool IsWorkloadFile(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) < 4 || !magic.SequenceEqual(ElfMagic);
    }

    public static int Run(string[] options, string path, string[] args, Stream stdin, Stream stdout, Stream stderr)
    {
        var parsed = Commands.Root(Stream.Null).Parse(["run", .. options]);
        if (parsed.Errors.Count > 0) throw new UsageError($"run: {parsed.Errors[0].Message}");
        var terminal = new Terminal(stdin, new StreamConsole(stdout), new StreamConsole(stderr));
        return SystemRun.Run(parsed, path, args, asInit: false, terminal, stderr);
    }
}
