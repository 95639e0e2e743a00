namespace Timeshare.Cli.Tests;

/// <summary>
/// `timeshare boot --script`: init starts the shell, which runs real programs
/// from the built-in disk. Each test checks what a user would see.
/// </summary>
public class BootTests
{
    private static (int Exit, string Stdout, string Stderr) Boot(string script, params string[] options) =>
        CliRunner.Run(["boot", "--script", CliRunner.TempFile(script, ".sh"), .. options]);

    [Fact]
    public void A_pipeline_of_three_programs_gives_the_right_bytes()
    {
        var (exit, stdout, _) = Boot("echo a b c | cat | wc\n");
        Assert.Equal(0, exit);
        Assert.Equal("      1       3       6\n", stdout);
    }

    [Fact]
    public void Exit_statuses_show_in_the_shell_and_the_last_one_is_the_run_s()
    {
        var (exit, stdout, stderr) = Boot("segv\necho segv $?\nnosuch\necho missing $?\nsh -c 'exit 5'\necho sub $?\nexit 3\n");
        Assert.EndsWith("segv 139\nmissing 127\nsub 5\n", stdout);
        Assert.Contains("Segmentation fault", stderr);
        Assert.Contains("sh: nosuch: not found", stderr);
        Assert.Equal(3, exit);
    }

    [Fact]
    public void Wait_demo_reaps_its_child_after_the_child_has_spoken()
    {
        var (_, stdout, _) = Boot("wait-demo\n");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("hello, I am child", lines[1]);
        Assert.StartsWith("hello, I am parent", lines[2]);
        Assert.Equal("child exited with status 7", lines[3]);
    }

    [Fact]
    public void Redirection_writes_a_file_that_survives_the_run()
    {
        var export = Path.Combine(Path.GetTempPath(), $"timeshare-export-{Guid.NewGuid():N}");
        var (_, stdout, _) = Boot("echo kept > /tmp/note\necho more >> /tmp/note\ncat < /tmp/note\nredirect-demo /tmp/out\n", "--export", export);
        Assert.Equal("kept\nmore\n", stdout);
        Assert.Equal("kept\nmore\n", File.ReadAllText(Path.Combine(export, "tmp", "note")));
        Assert.NotEqual("", File.ReadAllText(Path.Combine(export, "tmp", "out")));
        Directory.Delete(export, recursive: true);
    }

    [Fact]
    public void A_fork_bomb_hits_the_process_limit_and_the_system_stays_responsive()
    {
        var (_, stdout, _) = Boot("forkbomb 1000\necho still here\nps\n", "--max-processes", "20");
        Assert.Matches(@"fork failed after \d+ children: Resource temporarily unavailable", stdout);
        Assert.Contains("still here", stdout);
        // No zombie is left behind: ps shows init, the shell and itself only.
        var table = stdout[stdout.IndexOf("  PID", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, table.Length);
        Assert.DoesNotContain(table, line => line.Contains(" Z "));
    }

    [Fact]
    public void Background_spinners_are_time_shared()
    {
        var (_, stdout, _) = Boot("spin A 3 &\nspin B 3\nwait\n");
        var order = string.Concat(stdout.Split('\n').Where(l => l is ['A' or 'B', ..]).Select(l => l[0]));
        Assert.Contains("AB", order);
        Assert.Contains("BA", order);
    }

    [Fact]
    public void Ps_reads_procfs_and_shows_init_as_pid_1()
    {
        var (_, stdout, _) = Boot("ps\n");
        Assert.Matches(@"\n\s+1\s+0 S\s+0\s+\S+ init\n", stdout);
        Assert.Matches(@"\n\s+\d+\s+2 R\s+0\s+\S+ ps\n", stdout);
    }

    [Fact]
    public void A_missing_program_run_from_the_disk_is_127_in_one_line()
    {
        var empty = Directory.CreateTempSubdirectory("timeshare-root-");
        var (exit, _, stderr) = CliRunner.Run("run", "--root", empty.FullName, "/bin/nothing-here");
        empty.Delete();
        Assert.Equal(127, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_takes_a_program_from_the_built_in_disk()
    {
        var (exit, stdout, _) = CliRunner.Run("run", "/bin/echo", "from", "disk");
        Assert.Equal(0, exit);
        Assert.Equal("from disk\n", stdout);
    }

    [Fact]
    public void A_corrupt_disk_image_is_a_clear_error_at_boot()
    {
        var image = CliRunner.TempFile(new string('x', 8192), ".img");
        var (exit, _, stderr) = Boot("echo never\n", "--disk", image);
        Assert.Equal(1, exit);
        Assert.StartsWith("timeshare: the disk is not usable", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_saved_disk_boots_again_with_what_was_written()
    {
        var image = Path.Combine(Path.GetTempPath(), $"timeshare-disk-{Guid.NewGuid():N}.img");
        Boot("echo remembered > /tmp/memo\n", "--save-disk", image);
        var (_, stdout, _) = Boot("cat /tmp/memo\n", "--disk", image);
        Assert.Equal("remembered\n", stdout);
        File.Delete(image);
    }
}
