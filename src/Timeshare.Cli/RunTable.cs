using Timeshare.Kernel.Events;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;

namespace Timeshare.Cli;

/// <summary>
/// The per-tick table of `timeshare run`, in the OSTEP look: a row per tick,
/// a column per process (children appear once forked), then the CPU and the
/// I/Os in flight. Rows are kept until the end so every column is known.
/// </summary>
public sealed class RunTable(Kernel.Kernel kernel) : ITickObserver
{
    /// <summary>Beyond this many cells the table is dropped: nobody reads it, and it would eat memory.</summary>
    public const long MaxCells = 20_000_000;

    private readonly List<Row> _rows = [];
    private long _cells;
    private bool _truncated;

    private enum Cell : byte { Absent, Ready, Running, Blocked, Stopped, Done, Switch, Cpu, Io, Fork, Wait, Exit, Sleep, Print, Syscall, PageFault }

    private readonly record struct Row(long Tick, Cell[] Cells, string CpuColumn, int IoInFlight);

    public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
    {
        var processes = kernel.Api.Created;
        _cells += processes.Count;
        if (_cells > MaxCells) _truncated = true;
        if (_truncated) return;
        var cells = new Cell[processes.Count];
        for (var i = 0; i < cells.Length; i++) cells[i] = StateCell(processes[i]);
        var cpu = new List<string>();
        foreach (var c in cpus)
        {
            if (c.Process is { } p) cells[p.Pid - processes[0].Pid] = ActivityCell(c);
            cpu.Add(c.Activity switch { CpuActivity.Working => "1", CpuActivity.Switching => "sw", _ => "" });
        }
        _rows.Add(new Row(tick, cells, string.Join(",", cpu), kernel.Device.InFlight));
    }

    public void Write(TextWriter output)
    {
        if (_truncated)
        {
            output.WriteLine($"(per-tick table left out: more than {MaxCells:N0} cells; use --trace-json for every event)");
            output.WriteLine();
            return;
        }
        var processes = kernel.Api.Created;
        var widths = processes.Select(p => Math.Max(9, p.Name.Length + 2)).ToArray();
        output.Write($"{"Tick",5}");
        for (var i = 0; i < processes.Count; i++) output.Write(processes[i].Name.PadLeft(widths[i]));
        output.WriteLine($"{"CPU",6}{"IOs",6}");
        foreach (var row in _rows)
        {
            output.Write($"{row.Tick,5}");
            for (var i = 0; i < processes.Count; i++)
                output.Write(Text(i < row.Cells.Length ? row.Cells[i] : Cell.Absent).PadLeft(widths[i]));
            output.WriteLine($"{row.CpuColumn,6}{(row.IoInFlight > 0 ? row.IoInFlight.ToString() : ""),6}");
        }
        output.WriteLine();
    }

    private static Cell StateCell(Process p) => p.State switch
    {
        ProcessState.New => Cell.Absent,
        ProcessState.Ready => Cell.Ready,
        ProcessState.Running => Cell.Running,
        ProcessState.Blocked => Cell.Blocked,
        ProcessState.Stopped => Cell.Stopped,
        _ => Cell.Done,
    };

    private static Cell ActivityCell(CpuTick c) => c.Activity switch
    {
        CpuActivity.Switching => Cell.Switch,
        CpuActivity.Stalled => Cell.Running,
        _ => c.Call switch
        {
            CallKind.Io => Cell.Io,
            CallKind.Fork => Cell.Fork,
            CallKind.Wait => Cell.Wait,
            CallKind.Exit => Cell.Exit,
            CallKind.Sleep => Cell.Sleep,
            CallKind.Print => Cell.Print,
            CallKind.Syscall => Cell.Syscall,
            CallKind.PageFault => Cell.PageFault,
            _ => Cell.Cpu,
        },
    };

    private static string Text(Cell cell) => cell switch
    {
        Cell.Absent => "",
        Cell.Ready => "READY",
        Cell.Running => "RUNNING",
        Cell.Blocked => "BLOCKED",
        Cell.Stopped => "STOPPED",
        Cell.Done => "DONE",
        Cell.Switch => "switch",
        Cell.Cpu => "RUN:cpu",
        Cell.Io => "RUN:io",
        Cell.Fork => "RUN:fork",
        Cell.Wait => "RUN:wait",
        // At most eight characters, so that the narrowest column keeps a space before each cell.
        Cell.Sleep => "RUN:slp",
        Cell.Print => "RUN:prt",
        Cell.Syscall => "RUN:sys",
        Cell.PageFault => "RUN:pf",
        _ => "RUN:exit",
    };
}
