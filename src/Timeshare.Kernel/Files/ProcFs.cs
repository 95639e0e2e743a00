using System.Globalization;
using System.Text;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// procfs: the process table as files, so that ps is an ordinary program.
/// /proc lists a directory per process (and "self"); each holds "stat" in
/// Linux's one-line format and "status" as named lines. A file's text is made
/// when it is opened: reading it later shows that moment.
/// </summary>
public sealed class ProcFs(ProcessTable table, Clock clock) : IMount
{
    /// <summary>Linux's USER_HZ: /proc counts times in hundredths of a second.</summary>
    private const long NanosPerClockTick = 10_000_000;
    private const int ReadOnlyFile = 0x124, ListableDirectory = 0x16d;
    private static readonly string[] Files = ["stat", "status"];

    public long Open(Process caller, string path, int flags, int mode, out OpenFile? file)
    {
        file = null;
        if ((flags & OpenFile.AccessMode) != OpenFile.ReadOnly || (flags & OpenFlags.Create) != 0) return -Errno.AccessDenied;
        var found = Status(caller, path, out var status);
        if (found < 0) return found;
        var parts = path.Split('/');
        var p = parts[0] == "" ? null : Find(caller, parts[0]);
        file = status.Kind == FileKind.Directory
            ? new DirectoryFile(status, p is null ? RootEntry : index => ProcessEntry(p, index))
            : new MemoryFile(Encoding.ASCII.GetBytes(parts[1] == "stat" ? Stat(p!) : StatusText(p!)), status);
        if ((flags & OpenFlags.Directory) != 0 && status.Kind != FileKind.Directory)
        {
            file.Release();
            file = null;
            return -Errno.NotDirectory;
        }
        return 0;
    }

    public long Status(Process caller, string path, out FileStatus status)
    {
        status = default;
        var parts = path == "" ? [] : path.Split('/');
        if (parts.Length == 0)
        {
            status = new FileStatus(1, FileKind.Directory, ListableDirectory, 0, 2);
            return 0;
        }
        if (Find(caller, parts[0]) is not { } p) return -Errno.NoEntry;
        if (parts.Length == 1)
        {
            status = new FileStatus(Inode(p, 0), FileKind.Directory, ListableDirectory, 0, 2);
            return 0;
        }
        var index = Array.IndexOf(Files, parts[1]);
        if (parts.Length > 2 || index < 0) return parts.Length > 2 && index >= 0 ? -Errno.NotDirectory : -Errno.NoEntry;
        status = new FileStatus(Inode(p, index + 1), FileKind.Regular, ReadOnlyFile, 0);
        return 0;
    }

    public long MakeDirectory(string path, int mode) => -Errno.AccessDenied;

    public long Remove(string path, bool directory) => -Errno.AccessDenied;

    private Process? Find(Process caller, string name) =>
        name == "self" ? caller
        : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && name == pid.ToString(CultureInfo.InvariantCulture) ? table.Find(pid)
        : null;

    private static long Inode(Process p, int file) => ((long)p.Pid << 8) + file + 2;

    /// <summary>/proc: ".", "..", "self", then a directory per process in pid order.</summary>
    private DirectoryItem? RootEntry(int index) => index switch
    {
        0 => new DirectoryItem(1, ".", FileKind.Directory, 1),
        1 => new DirectoryItem(1, "..", FileKind.Directory, 2),
        2 => new DirectoryItem(2, "self", FileKind.Directory, 3),
        _ => table.All().Skip(index - 3).FirstOrDefault() is { } p
            ? new DirectoryItem(Inode(p, 0), p.Pid.ToString(CultureInfo.InvariantCulture), FileKind.Directory, index + 1)
            : null,
    };

    private static DirectoryItem? ProcessEntry(Process p, int index) => index switch
    {
        0 => new DirectoryItem(Inode(p, 0), ".", FileKind.Directory, 1),
        1 => new DirectoryItem(1, "..", FileKind.Directory, 2),
        _ when index - 2 < Files.Length => new DirectoryItem(Inode(p, index - 1), Files[index - 2], FileKind.Regular, index + 1),
        _ => null,
    };

    /// <summary>The state letter ps shows: R running or ready, S sleeping, T stopped, Z zombie.</summary>
    private static char Letter(ProcessState state) => state switch
    {
        ProcessState.Blocked => 'S',
        ProcessState.Stopped => 'T',
        ProcessState.Zombie => 'Z',
        _ => 'R',
    };

    private static string Word(ProcessState state) => state switch
    {
        ProcessState.Blocked => "sleeping",
        ProcessState.Stopped => "stopped",
        ProcessState.Zombie => "zombie",
        _ => "running",
    };

    /// <summary>CPU time so far, the running stretch not yet charged included.</summary>
    private long CpuNanos(Process p) =>
        p.Time.Cpu + (p.State == ProcessState.Running ? clock.Now - p.StateSince : 0);

    private static (long Virtual, long Resident) Memory(Process p) =>
        p.Executor is HartExecutor program ? (program.Space.VirtualBytes, program.Space.MappedBytes) : (0, 0);

    /// <summary>
    /// Linux's 52 fields: pid (comm) state ppid pgrp session tty_nr tpgid flags
    /// minflt cminflt majflt cmajflt utime stime cutime cstime priority nice
    /// num_threads itrealvalue starttime vsize rss, then zeros for what is not modelled.
    /// </summary>
    private string Stat(Process p)
    {
        var (vsize, resident) = Memory(p);
        long[] numbers =
        [
            p.Parent?.Pid ?? 0, p.Pid, p.Pid, 0, -1, 0, 0, 0, 0, 0,
            CpuNanos(p) / NanosPerClockTick, 0, 0, 0, 20 + p.Nice, p.Nice, 1, 0,
            p.Time.Arrival / NanosPerClockTick, vsize, resident / 4096,
        ];
        var fields = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).Concat(Enumerable.Repeat("0", 52 - 3 - numbers.Length));
        return $"{p.Pid} ({p.Name}) {Letter(p.State)} {string.Join(' ', fields)}\n";
    }

    /// <summary>Linux's named lines (a subset), and two of Timeshare's own: Nice and CpuTime.</summary>
    private string StatusText(Process p)
    {
        var (vsize, resident) = Memory(p);
        var cpu = CpuNanos(p);
        return string.Create(CultureInfo.InvariantCulture,
            $"Name:\t{p.Name}\nState:\t{Letter(p.State)} ({Word(p.State)})\nTgid:\t{p.Pid}\nPid:\t{p.Pid}\nPPid:\t{p.Parent?.Pid ?? 0}\n" +
            $"Nice:\t{p.Nice}\nCpuTime:\t{cpu / 1_000_000_000}.{cpu / 1000 % 1_000_000:D6} s\n" +
            $"VmSize:\t{vsize / 1024,8} kB\nVmRSS:\t{resident / 1024,8} kB\nThreads:\t1\n" +
            $"voluntary_ctxt_switches:\t{p.Time.ContextSwitches}\n");
    }
}
