using System.Xml.Linq;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Workloads;

namespace Timeshare.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Each_policy_gets_a_row_with_its_numbers()
    {
        var (exit, stdout, _) = CliRunner.Run("compare", "c6:c2:c2", "--policies", "fifo,rr:q=1,cfs");
        Assert.Equal(0, exit);
        var rows = stdout.Split('\n');
        var fifo = Assert.Single(rows, r => r.StartsWith("fifo "));
        var rr = Assert.Single(rows, r => r.StartsWith("rr:q=1 "));
        Assert.Single(rows, r => r.StartsWith("cfs:"));
        // The convoy: FIFO makes the short jobs wait behind the long one, round robin does not.
        Assert.True(Column(fifo, 2) > Column(rr, 2), $"{fifo} / {rr}");
    }

    [Theory]
    [InlineData("fifo,rr:q=2,cfs:latency=12,granularity=2", new[] { "fifo", "rr:q=2", "cfs:latency=12,granularity=2" })]
    [InlineData("rr", new[] { "rr" })]
    public void Policy_lists_keep_parameters_with_their_policy(string text, string[] expected) =>
        Assert.Equal(expected, CompareCommand.SplitPolicies(text));

    [Theory]
    [InlineData("--policies", "fifo,nope")]
    [InlineData("--policies", ",")]
    [InlineData("--policies", "rr:q=-1")]
    public void Bad_policy_lists_are_refused(params string[] options) => CliRunner.AssertRefused(["compare", "c2", .. options]);

    [Fact]
    public void The_gantt_chart_is_xml_with_a_band_per_policy_and_one_bar_per_run_segment()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gantt-{Guid.NewGuid():N}.svg");
        var (exit, _, _) = CliRunner.Run("compare", "c3,i,c2:c4", "--policies", "fifo,rr:q=1", "--gantt", file);
        Assert.Equal(0, exit);
        var svg = XDocument.Load(file);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("fifo", texts);
        Assert.Contains("rr:q=1", texts);
        var bars = svg.Descendants(ns + "rect").Where(r => (string?)r.Attribute("class") == "running" && r.Element(ns + "title") is not null).Count();
        Assert.Equal(RunningSegments(new Fifo()) + RunningSegments(new RoundRobin(1)), bars);
    }

    [Fact]
    public void The_gantt_chart_draws_many_processes_and_notes_the_ones_it_leaves_out()
    {
        var timeline = new StateTimeline(1);
        var k = new Kernel.Kernel(new Kernel.KernelConfig());
        k.Attach(timeline);
        var workload = Shorthand.Programs(string.Join(":", Enumerable.Repeat("c1", GanttChart.MaxLanes + 5)));
        workload.SpawnInto(k);
        k.Run();
        var svg = XDocument.Parse(GanttChart.Render([new GanttBand("rr", k.Api.Created, timeline, k.Ticks)]));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value.Contains("5 more processes not drawn"));
    }

    private static int RunningSegments(ISchedulingPolicy policy)
    {
        var k = new Kernel.Kernel(new Kernel.KernelConfig { Policy = policy });
        var timeline = new StateTimeline(1);
        k.Attach(timeline);
        Shorthand.Programs("c3,i,c2:c4").SpawnInto(k);
        k.Run();
        return k.Api.Created.Sum(p => timeline.Of(p.Pid).Count(s => s.State == ProcessState.Running));
    }

    private static double Column(string row, int index) =>
        double.Parse(row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[index], System.Globalization.CultureInfo.InvariantCulture);
}
