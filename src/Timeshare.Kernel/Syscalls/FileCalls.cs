using System.Buffers.Binary;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// File descriptors: read and write (and their vector forms), close, dup,
/// pipes, fcntl, ioctl, lseek, fstat. A transfer that finds nothing to do
/// yet (an empty pipe, a full one) sleeps on the file's wait queue and is
/// tried again when woken.
/// </summary>
internal sealed class FileCalls(LinuxSyscalls linux)
{
    private const int CloseOnExec = 0x80000;
    private const int DupFd = 0, GetFd = 1, SetFd = 2, GetFl = 3, SetFl = 4, DupFdCloseOnExec = 1030;
    private const ulong TerminalAttributes = 0x5401, WindowSize = 0x5413;
    private const int SigPipe = 13;

    public void Register()
    {
        linux.Handle(SyscallNumber.Read, c => WaitIfBlocked(c, Read(c, c.Arg(1), c.Arg(2)), write: false));
        linux.Handle(SyscallNumber.Write, c => WaitIfBlocked(c, Write(c, c.Arg(1), c.Arg(2)), write: true));
        linux.Handle(SyscallNumber.Readv, c => WaitIfBlocked(c, Vector(c, Read), write: false));
        linux.Handle(SyscallNumber.Writev, c => WaitIfBlocked(c, Vector(c, Write), write: true));
        linux.Handle(SyscallNumber.Close, c => Files(c).Close(c.Int(0)));
        linux.Handle(SyscallNumber.Dup, c => Files(c).Duplicate(c.Int(0)));
        linux.Handle(SyscallNumber.Dup3, Dup3);
        linux.Handle(SyscallNumber.Pipe2, Pipe2);
        linux.Handle(SyscallNumber.Fcntl, Fcntl);
        linux.Handle(SyscallNumber.Ioctl, Ioctl);
        linux.Handle(SyscallNumber.Lseek, c => Files(c).Get(c.Int(0)) is { } f ? f.Seek((long)c.Arg(1), c.Int(2)) : -Errno.BadFile);
        linux.Handle(SyscallNumber.Fstat, c => Files(c).Get(c.Int(0)) is { } f ? WriteStatus(c.Space, c.Arg(1), f.Status()) : -Errno.BadFile);
    }

    private static FileTable Files(Syscall call) =>
        call.Process.Files ?? throw new KernelBugException($"{call.Process} makes file calls without a file table");

    private long Read(Syscall call, ulong buffer, ulong count)
    {
        if (Files(call).Get(call.Int(0)) is not { CanRead: true } file) return -Errno.BadFile;
        var bytes = new byte[(int)Math.Min(count, LinuxSyscalls.MaxTransfer)];
        var got = file.Read(bytes);
        if (got < 0) return got;
        return call.Space.TryWrite(buffer, bytes.AsSpan(0, (int)got)) ? got : -Errno.Fault;
    }

    private long Write(Syscall call, ulong buffer, ulong count)
    {
        if (Files(call).Get(call.Int(0)) is not { CanWrite: true } file) return -Errno.BadFile;
        var bytes = new byte[(int)Math.Min(count, LinuxSyscalls.MaxTransfer)];
        if (!call.Space.TryRead(buffer, bytes)) return -Errno.Fault;
        var written = file.Write(bytes);
        if (written == -Errno.BrokenPipe) linux.Raise(call.Process, SigPipe);
        return written;
    }

    /// <summary>
    /// A transfer that found nothing to do (<see cref="OpenFile.WouldBlock"/>):
    /// a non-blocking file answers EAGAIN; any other sleeps until the file
    /// changes, then the call runs again. Any other result is returned as is.
    /// </summary>
    private static long WaitIfBlocked(Syscall call, long result, bool write)
    {
        if (result != OpenFile.WouldBlock) return result;
        var file = Files(call).Get(call.Int(0))!;
        if ((file.StatusFlags & OpenFile.NonBlocking) != 0) return -Errno.TryAgain;
        var queue = file.Waiters(write) ?? throw new KernelBugException($"{file} would block with nowhere to wait");
        queue.Sleep(call.Process);
        return Syscall.NoReturn;
    }

    /// <summary>readv/writev: one transfer per iovec until one falls short; a part done is a result even if the rest would block or fail.</summary>
    private static long Vector(Syscall call, Func<Syscall, ulong, ulong, long> transfer)
    {
        long total = 0;
        Span<byte> entry = stackalloc byte[16];
        for (ulong i = 0; i < call.Arg(2); i++)
        {
            if (!call.Space.TryRead(call.Arg(1) + 16 * i, entry)) return total > 0 ? total : -Errno.Fault;
            var length = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var done = transfer(call, BinaryPrimitives.ReadUInt64LittleEndian(entry), length);
            if (done < 0) return total > 0 ? total : done;
            total += done;
            if ((ulong)done < length) break;
        }
        return total;
    }

    private static long Dup3(Syscall call)
    {
        var flags = call.Int(2);
        if ((flags & ~CloseOnExec) != 0) return -Errno.Invalid;
        return Files(call).DuplicateTo(call.Int(0), call.Int(1), (flags & CloseOnExec) != 0);
    }

    private long Pipe2(Syscall call)
    {
        var flags = call.Int(1);
        if ((flags & ~(CloseOnExec | OpenFile.NonBlocking)) != 0) return -Errno.Invalid;
        var files = Files(call);
        var (read, write) = Pipe.Open(linux.Api, flags & OpenFile.NonBlocking);
        var closeOnExec = (flags & CloseOnExec) != 0;
        var readFd = files.Install(read, closeOnExec);
        if (readFd < 0)
        {
            write.Release();
            return readFd;
        }
        var writeFd = files.Install(write, closeOnExec);
        if (writeFd < 0)
        {
            files.Close(readFd);
            return writeFd;
        }
        Span<byte> fds = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(fds, (int)readFd);
        BinaryPrimitives.WriteInt32LittleEndian(fds[4..], (int)writeFd);
        if (call.Space.TryWrite(call.Arg(0), fds)) return 0;
        files.Close(readFd);
        files.Close(writeFd);
        return -Errno.Fault;
    }

    private static long Fcntl(Syscall call)
    {
        var files = Files(call);
        var fd = call.Int(0);
        if (files.Get(fd) is not { } file) return -Errno.BadFile;
        switch (call.Int(1))
        {
            case DupFd: return files.Duplicate(fd, call.Int(2));
            case DupFdCloseOnExec: return files.Duplicate(fd, call.Int(2), closeOnExec: true);
            case GetFd: return files.CloseOnExec(fd) == true ? 1 : 0;
            case SetFd:
                files.SetCloseOnExec(fd, (call.Int(2) & 1) != 0);
                return 0;
            case GetFl: return file.StatusFlags;
            case SetFl:
                // Only O_APPEND and O_NONBLOCK may change; the access mode stays.
                const int changeable = OpenFile.Append | OpenFile.NonBlocking;
                file.StatusFlags = (file.StatusFlags & ~changeable) | (call.Int(2) & changeable);
                return 0;
            default: return -Errno.Invalid;
        }
    }

    /// <summary>Only what isatty() and a terminal's size ask: the console answers when it is a terminal.</summary>
    private static long Ioctl(Syscall call)
    {
        if (Files(call).Get(call.Int(0)) is not { } file) return -Errno.BadFile;
        if (!file.IsTerminal) return -Errno.NotTerminal;
        return call.Arg(1) switch
        {
            TerminalAttributes => call.Space.TryWrite(call.Arg(2), new byte[60]) ? 0 : -Errno.Fault,
            WindowSize => call.Space.TryWrite(call.Arg(2), [24, 0, 80, 0, 0, 0, 0, 0]) ? 0 : -Errno.Fault,
            _ => -Errno.Invalid,
        };
    }

    /// <summary>Linux riscv64's struct stat (128 bytes).</summary>
    internal static long WriteStatus(AddressSpace space, ulong address, FileStatus s)
    {
        var stat = new byte[128];
        BinaryPrimitives.WriteInt64LittleEndian(stat.AsSpan(8), s.Inode);
        BinaryPrimitives.WriteInt32LittleEndian(stat.AsSpan(16), s.Mode);
        BinaryPrimitives.WriteInt32LittleEndian(stat.AsSpan(20), s.Links);
        BinaryPrimitives.WriteInt64LittleEndian(stat.AsSpan(48), s.Size);
        BinaryPrimitives.WriteInt32LittleEndian(stat.AsSpan(56), 4096);
        BinaryPrimitives.WriteInt64LittleEndian(stat.AsSpan(64), s.Blocks);
        foreach (var at in new[] { 72, 88, 104 })
        {
            BinaryPrimitives.WriteInt64LittleEndian(stat.AsSpan(at), s.ModifiedNanos / 1_000_000_000);
            BinaryPrimitives.WriteInt64LittleEndian(stat.AsSpan(at + 8), s.ModifiedNanos % 1_000_000_000);
        }
        return space.TryWrite(address, stat) ? 0 : -Errno.Fault;
    }
}
