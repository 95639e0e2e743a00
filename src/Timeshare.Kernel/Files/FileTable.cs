using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// One process's file descriptors: small integers naming open file
/// descriptions. A new fd is always the lowest free one (the rule that makes
/// close(1); open(...) redirect standard output). Fork copies the table and
/// shares the descriptions; exec closes the fds marked close-on-exec.
/// </summary>
public sealed class FileTable
{
    /// <summary>The most fds a process may have open (Linux's default RLIMIT_NOFILE is 1024).</summary>
    public const int Limit = 256;

    private readonly List<Slot?> _slots = [];

    private readonly record struct Slot(OpenFile File, bool CloseOnExec);

    /// <summary>The open file behind <paramref name="fd"/>, or null if it is not open.</summary>
    public OpenFile? Get(long fd) => fd >= 0 && fd < _slots.Count ? _slots[(int)fd]?.File : null;

    /// <summary>Puts a new description (whose reference the table takes over) at the lowest free fd ≥ <paramref name="lowest"/>; -EMFILE if none.</summary>
    public long Install(OpenFile file, bool closeOnExec = false, long lowest = 0)
    {
        for (var fd = (int)Math.Min(lowest, Limit); fd < Limit; fd++)
        {
            if (fd < _slots.Count && _slots[fd] is not null) continue;
            while (_slots.Count <= fd) _slots.Add(null);
            _slots[fd] = new Slot(file, closeOnExec);
            return fd;
        }
        file.Release();
        return -Errno.TooManyFiles;
    }

    /// <summary>dup / F_DUPFD: the same description at the lowest free fd ≥ <paramref name="lowest"/>.</summary>
    public long Duplicate(long fd, long lowest = 0, bool closeOnExec = false)
    {
        if (Get(fd) is not { } file) return -Errno.BadFile;
        if (lowest < 0 || lowest >= Limit) return -Errno.Invalid;
        file.Retain();
        return Install(file, closeOnExec, lowest);
    }

    /// <summary>dup3: <paramref name="to"/> names <paramref name="from"/>'s description, closing what it named.</summary>
    public long DuplicateTo(long from, long to, bool closeOnExec)
    {
        if (Get(from) is not { } file || to < 0 || to >= Limit) return -Errno.BadFile;
        if (from == to) return -Errno.Invalid;
        file.Retain();
        Close(to);
        while (_slots.Count <= to) _slots.Add(null);
        _slots[(int)to] = new Slot(file, closeOnExec);
        return to;
    }

    public long Close(long fd)
    {
        if (Get(fd) is not { } file) return -Errno.BadFile;
        _slots[(int)fd] = null;
        file.Release();
        return 0;
    }

    public bool? CloseOnExec(long fd) => Get(fd) is null ? null : _slots[(int)fd]!.Value.CloseOnExec;

    public bool SetCloseOnExec(long fd, bool on)
    {
        if (Get(fd) is not { } file) return false;
        _slots[(int)fd] = new Slot(file, on);
        return true;
    }

    /// <summary>fork: the same fds on the same descriptions.</summary>
    public FileTable Fork()
    {
        var copy = new FileTable();
        foreach (var slot in _slots)
        {
            slot?.File.Retain();
            copy._slots.Add(slot);
        }
        return copy;
    }

    /// <summary>exec: the fds marked close-on-exec close; the rest stay open in the new program.</summary>
    public void CloseOnExec()
    {
        for (var fd = 0; fd < _slots.Count; fd++)
            if (_slots[fd] is { CloseOnExec: true }) Close(fd);
    }

    /// <summary>exit: every fd closes.</summary>
    public void CloseAll()
    {
        for (var fd = 0; fd < _slots.Count; fd++) Close(fd);
    }
}
