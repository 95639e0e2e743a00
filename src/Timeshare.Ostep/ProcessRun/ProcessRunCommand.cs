using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.ProcessRun;

/// <summary>The reference's command line for process-run, parsed as optparse would.</summary>
public static class ProcessRunCommand
{
    public static string Help(ProcessRunVariant variant) => $"""
        usage: timeshare ostep {variant.Name} [options]

        OSTEP's {(variant.ProgrammedIo ? "file-devices" : "cpu-intro")}/process-run.py on the Timeshare kernel: processes that
        compute and do I/O, scheduled by scanning the process table (xv6 style).
        Without -c it prints the programs for you to predict the trace; with -c
        it prints the trace, tick by tick.

          -s, --seed N          seed for random programs (default 0)
          -l, --processlist L   random programs X1:Y1,X2:Y2,...: X instructions, each
                                a cpu with Y percent chance, else an io
          -P, --program P       explicit programs, e.g. c7,i:c3 (cN = N cpu ticks,
                                i = an io{(variant.ProgrammedIo ? ", p = programmed I/O of -L ticks" : "")});
                                overrides -l
          -L, --iolength N      ticks an I/O takes (default 5)
        {(variant.ProgrammedIo ? "  -o, --interrupt_overhead N   accepted for compatibility; unused, as in the reference\n" : "")}  -S, --switch W        SWITCH_ON_IO (default) or SWITCH_ON_END: when the CPU
                                goes to another process
          -I, --iodone W        IO_RUN_LATER (default) or IO_RUN_IMMEDIATE: whether a
                                process whose I/O completed takes the CPU at once
          -c                    compute the answer: print the trace
          -p, --printstats      with -c, print CPU and I/O busy time at the end
          -h, --help            this help
        """;

    public static OptionParser Parser(ProcessRunVariant variant)
    {
        List<OptionSpec> options =
        [
            OptionSpec.Int("-s", "--seed", "seed", 0),
            OptionSpec.String("-P", "--program", "program", ""),
            OptionSpec.String("-l", "--processlist", "process_list", ""),
            OptionSpec.Int("-L", "--iolength", "io_length", 5),
            OptionSpec.String("-S", "--switch", "switch", ProcessRunOptions.SwitchOnIo),
            OptionSpec.String("-I", "--iodone", "iodone", ProcessRunOptions.IoRunLater),
            OptionSpec.Flag("-c", null, "solve"),
            OptionSpec.Flag("-p", "--printstats", "print_stats"),
        ];
        if (variant.ProgrammedIo) options.Insert(4, OptionSpec.Int("-o", "--interrupt_overhead", "interrupt_overhead", 5));
        return new OptionParser(options);
    }

    /// <summary>Null when help was asked for.</summary>
    public static ProcessRunOptions? Parse(ProcessRunVariant variant, IReadOnlyList<string> args)
    {
        var r = Parser(variant).Parse(args);
        if (r.HelpRequested) return null;
        return new ProcessRunOptions
        {
            Seed = r.GetInt("seed"),
            Program = r.GetString("program"),
            ProcessList = r.GetString("process_list"),
            IoLength = r.GetInt("io_length"),
            Switch = r.GetString("switch"),
            IoDone = r.GetString("iodone"),
            Solve = r.GetFlag("solve"),
            PrintStats = r.GetFlag("print_stats"),
        };
    }
}
