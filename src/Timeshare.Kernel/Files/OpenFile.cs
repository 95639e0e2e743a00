using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// An open file description: what open(), pipe() or the console made. Every
/// fd that dup or fork made from it shares it, and with it the offset and
/// the status flags; it closes when the last of them does.
/// </summary>
public abstract class OpenFile
{
    /// <summary>Read or write found nothing to do yet: the caller sleeps on <see cref="Waiters"/> and tries again.</summary>
    public const long WouldBlock = long.MinValue;

    public const int ReadOnly = 0, WriteOnly = 1, ReadWrite = 2, AccessMode = 3;
    public const int Append = 0x400, NonBlocking = 0x800;

    private int _references = 1;

    protected OpenFile(int flags) => StatusFlags = flags;

    /// <summary>O_ACCMODE and the status flags (O_APPEND, O_NONBLOCK) as fcntl(F_GETFL) shows them.</summary>
    public int StatusFlags { get; set; }
    public long Offset { get; set; }
    /// <summary>The absolute path it was opened by, for *at() calls relative to a directory fd; null for pipes and the console.</summary>
    public string? Path { get; set; }

    public bool CanRead => (StatusFlags & AccessMode) != WriteOnly;
    public bool CanWrite => (StatusFlags & AccessMode) != ReadOnly;

    /// <summary>Bytes read (0 at end of file), a negated errno, or <see cref="WouldBlock"/>.</summary>
    public virtual long Read(Span<byte> into) => -Errno.BadFile;

    /// <summary>Bytes written, a negated errno, or <see cref="WouldBlock"/>.</summary>
    public virtual long Write(ReadOnlySpan<byte> from) => -Errno.BadFile;

    /// <summary>lseek: the new offset, or a negated errno (ESPIPE for pipes and the console).</summary>
    public virtual long Seek(long offset, int whence) => -Errno.IllegalSeek;

    /// <summary>Where a caller whose read (or write) would block sleeps.</summary>
    public virtual WaitQueue? Waiters(bool write) => null;

    /// <summary>fstat's fields.</summary>
    public abstract FileStatus Status();

    /// <summary>Whether ioctl(TCGETS) answers: the console on a terminal.</summary>
    public virtual bool IsTerminal => false;

    internal void Retain() => _references++;

    internal void Release()
    {
        if (--_references == 0) Closed();
        else if (_references < 0) throw new KernelBugException($"{this} closed more often than opened");
    }

    /// <summary>The last fd on this description was closed.</summary>
    protected virtual void Closed() { }
}
