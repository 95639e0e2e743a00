using System.CommandLine;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Metrics;

namespace Timeshare.Cli;

/// <summary>
/// What `run` reports about a run, for workloads and real programs alike:
/// the per-tick table (unless --no-table), the numbers, and the Gantt chart
/// when --gantt names a file. Attach before the first process is created.
/// </summary>
public sealed class RunReport
{
    private readonly Kernel.Kernel _kernel;
    private readonly RunTable? _table;
    private readonly StateTimeline? _timeline;
    private readonly FileInfo? _gantt;

    private RunReport(Kernel.Kernel kernel, bool table, FileInfo? gantt)
    {
        _kernel = kernel;
        _gantt = gantt;
        if (table) kernel.Attach(_table = new RunTable(kernel));
        if (gantt is not null) kernel.Attach(_timeline = new StateTimeline(kernel.CyclesPerTick));
    }

    public static RunReport Attach(ParseResult parsed, Kernel.Kernel kernel, bool wantTable) =>
        new(kernel, wantTable && !parsed.GetValue(RunCommand.NoTableOpt), parsed.GetValue(RunCommand.GanttOpt));

    /// <summary>Writes the table and the numbers to <paramref name="output"/>, and the chart to its file.</summary>
    public void Write(TextWriter output)
    {
        _table?.Write(output);
        StatsReport.Write(RunMetrics.Of(_kernel), output);
        WriteGantt();
    }

    /// <summary>Only the chart, for runs whose numbers were not asked for.</summary>
    public void WriteGantt()
    {
        if (_gantt is not null)
            GanttChart.Write(_gantt.FullName, [new GanttBand(_kernel.Policy.Name, _kernel.Api.Created, _timeline!, _kernel.Ticks)]);
    }
}
