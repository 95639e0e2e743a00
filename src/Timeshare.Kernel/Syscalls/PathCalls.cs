using System.Buffers.Binary;
using System.Text;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// Calls that name files by path: openat, newfstatat, faccessat, mkdirat,
/// unlinkat, chdir, getcwd, and getdents64 for reading a directory. A
/// relative path starts at the working directory, or at the directory fd
/// of an *at() call.
/// </summary>
internal sealed class PathCalls(LinuxSyscalls linux)
{
    private const int AtWorkingDirectory = -100, AtRemoveDirectory = 0x200, AtEmptyPath = 0x1000;

    private Vfs Vfs => linux.Vfs;

    public void Register()
    {
        linux.Handle(SyscallNumber.Openat, Openat);
        linux.Handle(SyscallNumber.Newfstatat, Fstatat);
        linux.Handle(SyscallNumber.Faccessat, c => WithPath(c, c.Int(0), (mount, rest, _) => mount.Status(c.Process, rest, out FileStatus _)));
        linux.Handle(SyscallNumber.Mkdirat, c => WithPath(c, c.Int(0), (mount, rest, _) => mount.MakeDirectory(rest, c.Int(2))));
        linux.Handle(SyscallNumber.Unlinkat, Unlinkat);
        linux.Handle(SyscallNumber.Chdir, Chdir);
        linux.Handle(SyscallNumber.Getcwd, Getcwd);
        linux.Handle(SyscallNumber.Getdents64, Getdents64);
    }

    /// <summary>Reads the path in argument 1 and resolves it from <paramref name="dirFd"/>, then acts on it.</summary>
    private long WithPath(Syscall call, int dirFd, Func<IMount, string, string, long> act, int pathArgument = 1)
    {
        var path = UserMemory.ReadString(call.Space, call.Arg(pathArgument), UserMemory.PathMax, out var error);
        if (path is null) return error;
        var p = call.Process;
        var start = p.WorkingDirectory;
        if (dirFd != AtWorkingDirectory && !path.StartsWith('/'))
        {
            if (p.Files?.Get(dirFd) is not { } dir) return -Errno.BadFile;
            if (dir is not DirectoryFile || dir.Path is null) return -Errno.NotDirectory;
            start = dir.Path;
        }
        var resolved = Vfs.Resolve(start, path, out var mount, out var rest, out var absolute);
        return resolved < 0 ? resolved : act(mount, rest, absolute);
    }

    private long Openat(Syscall call)
    {
        var flags = call.Int(2);
        return WithPath(call, call.Int(0), (mount, rest, absolute) =>
        {
            var opened = mount.Open(call.Process, rest, flags & ~OpenFlags.CloseOnExec, call.Int(3), out var file);
            if (opened < 0) return opened;
            file!.Path = absolute;
            return call.Process.Files!.Install(file, (flags & OpenFlags.CloseOnExec) != 0);
        });
    }

    private long Fstatat(Syscall call)
    {
        if ((call.Int(3) & AtEmptyPath) != 0 && call.Process.Files?.Get(call.Int(0)) is { } open
            && UserMemory.ReadString(call.Space, call.Arg(1), 1, out _) == "")
            return FileCalls.WriteStatus(call.Space, call.Arg(2), open.Status());
        return WithPath(call, call.Int(0), (mount, rest, _) =>
        {
            var found = mount.Status(call.Process, rest, out var status);
            return found < 0 ? found : FileCalls.WriteStatus(call.Space, call.Arg(2), status);
        });
    }

    private long Unlinkat(Syscall call)
    {
        var flags = call.Int(2);
        if ((flags & ~AtRemoveDirectory) != 0) return -Errno.Invalid;
        return WithPath(call, call.Int(0), (mount, rest, _) => mount.Remove(rest, (flags & AtRemoveDirectory) != 0));
    }

    private long Chdir(Syscall call) => WithPath(call, AtWorkingDirectory, (mount, rest, absolute) =>
    {
        var found = mount.Status(call.Process, rest, out var status);
        if (found < 0) return found;
        if (status.Kind != FileKind.Directory) return -Errno.NotDirectory;
        call.Process.WorkingDirectory = absolute;
        return 0;
    }, pathArgument: 0);

    /// <summary>The raw call returns the length with its NUL; ERANGE if the buffer is too small.</summary>
    private static long Getcwd(Syscall call)
    {
        var path = Encoding.UTF8.GetBytes(call.Process.WorkingDirectory + "\0");
        if ((ulong)path.Length > call.Arg(1)) return -Errno.Range;
        return call.Space.TryWrite(call.Arg(0), path) ? path.Length : -Errno.Fault;
    }

    /// <summary>
    /// Fills the buffer with linux_dirent64 records {ino, off, reclen, type,
    /// name} from the directory's offset on; EINVAL if not even one fits.
    /// </summary>
    private static long Getdents64(Syscall call)
    {
        if (call.Process.Files?.Get(call.Int(0)) is not { } file) return -Errno.BadFile;
        if (file is not DirectoryFile dir) return -Errno.NotDirectory;
        var buffer = new byte[(int)Math.Min(call.Arg(2), LinuxSyscalls.MaxTransfer)];
        var used = 0;
        while (dir.EntryAt(dir.Offset) is { } entry)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var length = (19 + name.Length + 1 + 7) & ~7;
            if (used + length > buffer.Length)
            {
                if (used == 0) return -Errno.Invalid;
                break;
            }
            var record = buffer.AsSpan(used, length);
            BinaryPrimitives.WriteInt64LittleEndian(record, entry.Inode);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], entry.Next);
            BinaryPrimitives.WriteUInt16LittleEndian(record[16..], (ushort)length);
            record[18] = DirentType(entry.Kind);
            name.CopyTo(record[19..]);
            used += length;
            dir.Offset = entry.Next;
        }
        return call.Space.TryWrite(call.Arg(1), buffer.AsSpan(0, used)) ? used : -Errno.Fault;
    }

    /// <summary>d_type: the S_IF* type shifted down (DT_FIFO 1, DT_CHR 2, DT_DIR 4, DT_REG 8).</summary>
    private static byte DirentType(FileKind kind) => (byte)((int)kind >> 12);
}
