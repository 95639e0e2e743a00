using System.Globalization;
using System.Security;
using System.Text;
using Timeshare.Kernel.Processes;

namespace Timeshare.Cli;

/// <summary>
/// Writes runs as an SVG Gantt chart: a band per policy, a lane per process,
/// a bar per stretch Running, Ready, Blocked or Stopped, a time axis under
/// each band and a legend. Bars carry a tooltip; all bands share one scale.
/// </summary>
public static class GanttChart
{
    /// <summary>More lanes than this per band are left out, with a note: nobody reads 10,000 lanes.</summary>
    public const int MaxLanes = 200;

    private const int Lane = 16, Bar = 12, BandTitle = 26, Axis = 28, Top = 40, Right = 24, Plot = 1200;

    private static readonly (ProcessState State, string Class, string Colour)[] Legend =
    [
        (ProcessState.Running, "running", "#2e7d32"),
        (ProcessState.Ready, "ready", "#f9a825"),
        (ProcessState.Blocked, "blocked", "#1e88e5"),
        (ProcessState.Stopped, "stopped", "#9e9e9e"),
    ];

    public static void Write(string path, IReadOnlyList<GanttBand> bands) => File.WriteAllText(path, Render(bands));

    public static string Render(IReadOnlyList<GanttBand> bands)
    {
        var ticks = Math.Max(1, bands.Max(b => b.TotalTicks));
        var scale = Math.Clamp((double)Plot / ticks, 0.05, 24);
        var labelWidth = 16 + 7 * bands.SelectMany(b => b.Processes.Take(MaxLanes)).Select(p => Label(p).Length).DefaultIfEmpty(4).Max();
        var width = labelWidth + ticks * scale + Right;
        var svg = new StringBuilder();
        var y = Top;
        foreach (var band in bands) y = WriteBand(svg, band, labelWidth, scale, y);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{y}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        head.Append("<style>text{fill:#222}.axis{stroke:#888}.grid{stroke:#ddd}");
        foreach (var (_, cls, colour) in Legend) head.Append(CultureInfo.InvariantCulture, $".{cls}{{fill:{colour}}}");
        head.Append("</style>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        WriteLegend(head, labelWidth);
        return head.Append(svg).Append("</svg>\n").ToString();
    }

    private static int WriteBand(StringBuilder svg, GanttBand band, int left, double scale, int y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"bold\">{Escape(band.Title)}</text>\n");
        y += BandTitle;
        var lanes = band.Processes.Take(MaxLanes).ToList();
        foreach (var p in lanes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + Bar - 1}\">{Escape(Label(p))}</text>\n");
            foreach (var s in band.Timeline.Of(p.Pid))
            {
                var cls = Legend.First(l => l.State == s.State).Class;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{cls}\" x=\"{N(left + s.Start * scale)}\" y=\"{y}\" width=\"{N((s.End - s.Start) * scale)}\" height=\"{Bar}\"><title>{Escape(Label(p))}: {cls}, ticks {s.Start}-{s.End}</title></rect>\n");
            }
            y += Lane;
        }
        if (band.Processes.Count > lanes.Count)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + Bar - 1}\">… {band.Processes.Count - lanes.Count} more processes not drawn</text>\n");
            y += Lane;
        }
        return WriteAxis(svg, band.TotalTicks, left, scale, y);
    }

    private static int WriteAxis(StringBuilder svg, long ticks, int left, double scale, int y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{left}\" y1=\"{y + 2}\" x2=\"{N(left + ticks * scale)}\" y2=\"{y + 2}\"/>\n");
        var step = NiceStep(ticks);
        for (long t = 0; t <= ticks; t += step)
        {
            var x = N(left + t * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{x}\" y1=\"{y + 2}\" x2=\"{x}\" y2=\"{y + 6}\"/><text x=\"{x}\" y=\"{y + 17}\" text-anchor=\"middle\">{t}</text>\n");
        }
        return y + Axis;
    }

    private static void WriteLegend(StringBuilder svg, int left)
    {
        var x = left;
        foreach (var (state, cls, _) in Legend)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cls}\" x=\"{x}\" y=\"12\" width=\"14\" height=\"{Bar}\"/><text x=\"{x + 18}\" y=\"22\">{state}</text>\n");
            x += 90;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"22\">time in ticks</text>\n");
    }

    /// <summary>About ten labelled ticks on the axis, at 1, 2 or 5 times a power of ten.</summary>
    private static long NiceStep(long ticks)
    {
        var raw = Math.Max(1, ticks / 10);
        for (long power = 1; ; power *= 10)
            foreach (var m in new long[] { 1, 2, 5 })
                if (m * power >= raw) return m * power;
    }

    private static string Label(Process p) => $"{p.Name} ({p.Pid})";
    private static string N(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Escape(string text) => SecurityElement.Escape(text);
}
