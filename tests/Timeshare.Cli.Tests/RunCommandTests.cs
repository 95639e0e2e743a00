using System.Text.Json;

namespace Timeshare.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public void The_default_run_shows_a_table_and_the_numbers()
    {
        var (exit, stdout, stderr) = CliRunner.Run("run");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("RUN:fork", stdout);
        Assert.Contains("BLOCKED", stdout);
        Assert.Contains("Average", stdout);
        Assert.Contains("CPU utilization", stdout);
    }

    [Fact]
    public void Fifo_runs_shorthand_programs_one_after_the_other()
    {
        var (exit, stdout, _) = CliRunner.Run("run", "c2:c2", "--policy", "fifo");
        Assert.Equal(0, exit);
        var rows = stdout.Split('\n').Where(l => l.TrimStart().StartsWith("1 ") || l.TrimStart().StartsWith("3 ")).ToList();
        Assert.Contains("RUN:cpu", rows[0].Split("READY")[0]);
        Assert.Matches(@"^\s+3\s+DONE\s+RUN:cpu", rows[1]);
    }

    [Fact]
    public void A_json_workload_runs_with_arrivals_and_a_fork()
    {
        var file = CliRunner.TempFile("""
            { "processes": [
                { "name": "parent", "script": [ {"fork": ["cpu 2"]}, "wait", "cpu 1" ] },
                { "name": "late", "arrival": 3, "script": "c2" } ] }
            """);
        var (exit, stdout, _) = CliRunner.Run("run", file, "--policy", "fifo");
        Assert.Equal(0, exit);
        Assert.Contains("parent.1", stdout);
        Assert.Matches(@"late\s+3\s+3\s+", stdout);
    }

    [Fact]
    public void A_json_workload_may_sleep_and_print()
    {
        var file = CliRunner.TempFile("""
            { "processes": [ { "name": "napper", "script": [ "print hi", "sleep 3", "cpu 1" ] } ] }
            """);
        var (exit, stdout, _) = CliRunner.Run("run", file, "--policy", "fifo");
        Assert.Equal(0, exit);
        Assert.Contains("RUN:prt", stdout);
        Assert.Contains("RUN:slp", stdout);
        Assert.Contains("Total time        6 ticks", stdout);
    }

    [Fact]
    public void The_trace_has_every_state_change_as_a_json_line()
    {
        var trace = Path.GetTempFileName();
        var (exit, _, _) = CliRunner.Run("run", "c1,i,c1", "--trace-json", trace, "--io-latency", "2");
        Assert.Equal(0, exit);
        var events = File.ReadAllLines(trace).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var states = events.Where(e => e.GetProperty("event").GetString() == "state")
            .Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Equal(["ready", "running", "blocked", "ready", "running", "zombie"], states);
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "io_done" && e.GetProperty("tick").GetInt64() == 4);
    }

    [Theory]
    [InlineData("--policy", "lottery-ish")]
    [InlineData("--quantum", "-3")]
    [InlineData("--quantum", "x")]
    [InlineData("--io-latency", "-1")]
    [InlineData("--switch-cost", "-2")]
    [InlineData("--wake", "sometimes")]
    [InlineData("--bogus")]
    [InlineData("--policy", "rr:q=0")]
    [InlineData("--policy", "fifo:q=2")]
    [InlineData("--policy", "rr:q=x")]
    [InlineData("--policy", "mlfq:levels=0")]
    [InlineData("--cpus", "0")]
    public void Bad_options_are_refused_in_one_line(params string[] options) =>
        CliRunner.AssertRefused(["run", "c3", .. options]);

    [Theory]
    [InlineData("c3,x")]
    [InlineData("5:50:1")]
    [InlineData("5:150")]
    [InlineData("missing.json")]
    public void Bad_shorthand_is_refused_in_one_line(string workload) =>
        Assert.Contains(workload.Split(',')[^1], CliRunner.AssertRefused("run", workload));

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{ "processes": [ { "script": ["cpu 2", "jump"] } ] }""", "processes[0].script[1]")]
    [InlineData("""{ "processes": [ { "script": "c2", "colour": "red" } ] }""", "unknown field \"colour\"")]
    [InlineData("""{ "processes": [ { "script": "c2", "arrival": -1 } ] }""", "processes[0].arrival")]
    [InlineData("""{ "processes": [ { "name": "A" } ] }""", "\"script\" is missing")]
    [InlineData("""{ "processes": [] }""", "empty")]
    [InlineData("""[1, 2]""", "\"processes\" array")]
    [InlineData("""{ "processes": [ { "script": "c2", "tickets": 0 } ] }""", "tickets")]
    [InlineData("""{ "processes": [ { "script": "c2", "affinity": [5] } ] }""", "CPU 5")]
    public void A_malformed_workload_file_is_refused_naming_the_problem(string json, string problem) =>
        Assert.Contains(problem, CliRunner.AssertRefused("run", CliRunner.TempFile(json)));

    [Fact]
    public void Help_explains_the_options()
    {
        var (exit, stdout, _) = CliRunner.Run("run", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--policy", "--quantum", "--switch-cost", "--io-latency", "--seed", "--trace-json" })
            Assert.Contains(option, stdout);
    }

    [Fact]
    public void Runs_with_several_cpus_stealing_and_caches_repeat_exactly()
    {
        string Trace()
        {
            var file = Path.GetTempFileName();
            var (exit, _, _) = CliRunner.Run("run", "12:60,9:80,15:50,7:90,11:70", "--seed", "3", "--cpus", "3",
                "--per-cpu-queues", "--steal-interval", "4", "--cache-size", "100", "--trace-json", file, "--no-table");
            Assert.Equal(0, exit);
            return File.ReadAllText(file);
        }
        var first = Trace();
        Assert.Contains("\"cpu\":2", first);
        Assert.Equal(first, Trace());
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("compare", "--bogus")]
    public void An_unknown_option_is_named_as_one(params string[] args) =>
        Assert.Contains("unknown option '--bogus'", CliRunner.AssertRefused(args));
}
