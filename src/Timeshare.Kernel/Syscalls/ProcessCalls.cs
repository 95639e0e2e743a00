using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// Processes: clone (fork), execve, exit, wait4 and waitid, the ids, yield
/// and priority. Each goes through the process API, the same one abstract
/// workloads use.
/// </summary>
internal sealed class ProcessCalls(LinuxSyscalls linux)
{
    private const ulong SigChld = Signal.Chld, CloneVm = 0x100, CloneVfork = 0x4000;
    private const int WaitNoHang = 1, WaitExited = 4;
    private const int IdAll = 0, IdPid = 1, IdGroup = 2;
    /// <summary>The longest process name Linux keeps (comm), without its NUL.</summary>
    private const int NameMax = 15;

    private ProcessApi Api => linux.Api;

    public void Register()
    {
        linux.Handle(SyscallNumber.Clone, Clone);
        linux.Handle(SyscallNumber.Execve, Execve);
        linux.Handle(SyscallNumber.Exit, Exit);
        linux.Handle(SyscallNumber.ExitGroup, Exit);
        linux.Handle(SyscallNumber.Wait4, Wait4);
        linux.Handle(SyscallNumber.Waitid, Waitid);
        linux.Handle(SyscallNumber.GetPid, c => c.Process.Pid);
        linux.Handle(SyscallNumber.Gettid, c => c.Process.Pid);
        linux.Handle(SyscallNumber.SetTidAddress, c => c.Process.Pid);
        linux.Handle(SyscallNumber.GetPpid, c => c.Process.Parent?.Pid ?? 0);
        linux.Handle(SyscallNumber.SchedYield, Yield);
        linux.Handle(SyscallNumber.Getpriority, Getpriority);
        linux.Handle(SyscallNumber.Setpriority, Setpriority);
        // No process groups or sessions: each process is its own group, as if every one had called setsid.
        linux.Handle(SyscallNumber.Setpgid, _ => 0);
        linux.Handle(SyscallNumber.Getpgid, c => c.Int(0) == 0 ? c.Process.Pid : Target(c, c.Int(0))?.Pid ?? -Errno.NoProcess);
        linux.Handle(SyscallNumber.Getsid, c => c.Int(0) == 0 ? c.Process.Pid : Target(c, c.Int(0))?.Pid ?? -Errno.NoProcess);
        linux.Handle(SyscallNumber.Setsid, c => c.Process.Pid);
    }

    /// <summary>Only fork's form of clone (and vfork's, served as a fork): a child with a copy of everything, SIGCHLD at its exit.</summary>
    private long Clone(Syscall call)
    {
        var flags = call.Arg(0);
        var fork = flags == SigChld || flags == (CloneVm | CloneVfork | SigChld);
        if (!fork || call.Arg(1) != 0) return -Errno.Invalid;
        return Api.Fork(call.Process, call.Process.Name) is { } child ? child.Pid : -Errno.TryAgain;
    }

    private long Execve(Syscall call)
    {
        var path = UserMemory.ReadString(call.Space, call.Arg(0), UserMemory.PathMax, out var error);
        var args = UserMemory.ReadStrings(call.Space, call.Arg(1), out var argsError);
        var env = UserMemory.ReadStrings(call.Space, call.Arg(2), out var envError);
        if (path is null) return error;
        if (args is null) return argsError;
        if (env is null) return envError;
        if (path.Length == 0) return -Errno.NoEntry;
        if (linux.ReadProgram(call.Process, path) is not { } file) return -Errno.NoEntry;
        HartExecutor program;
        try
        {
            program = linux.Load(file, args, env);
        }
        catch (ElfError)
        {
            return -Errno.NoExec;
        }
        catch (OutOfMemoryError)
        {
            return -Errno.NoMemory;
        }
        var p = call.Process;
        var old = p.Executor as HartExecutor;
        Api.Exec(p, program, NameOf(path));
        p.Signals.ResetForExec();
        old?.Release();
        p.Files?.CloseOnExec();
        return Syscall.NoReturn;
    }

    /// <summary>A process's name from its program's path: the file name, cut to what Linux keeps (comm).</summary>
    internal static string NameOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length > NameMax ? name[..NameMax] : name;
    }

    private long Exit(Syscall call)
    {
        Api.Exit(call.Process, call.Int(0) & 0xff);
        return Syscall.NoReturn;
    }

    /// <summary>pid &gt; 0 waits for that child; -1, 0 and other groups wait for any child (every process is its own group).</summary>
    private long Wait4(Syscall call)
    {
        var target = call.Int(0) > 0 ? call.Int(0) : Process.AnyChild;
        var options = call.Int(2);
        var r = Api.Wait(call.Process, target, block: false);
        switch (r.Outcome)
        {
            case WaitOutcome.NoChild:
                return -Errno.NoChild;
            case WaitOutcome.NotYet when (options & WaitNoHang) != 0:
                return 0;
            case WaitOutcome.NotYet:
                Api.ChildExitsOf(call.Process).Sleep(call.Process);
                return Syscall.NoReturn;
        }
        var child = r.Child!;
        if (call.Arg(1) != 0 && !UserMemory.WriteInt32(call.Space, call.Arg(1), WaitStatus(child))) return -Errno.Fault;
        // struct rusage: no resource accounting is reported.
        if (call.Arg(3) != 0 && !call.Space.TryWrite(call.Arg(3), new byte[144])) return -Errno.Fault;
        return child.Pid;
    }

    /// <summary>Linux's status word: the signal in the low 7 bits, or the exit code in bits 8-15.</summary>
    private static int WaitStatus(Process child) =>
        child.TermSignal != 0 ? child.TermSignal : (child.ExitStatus & 0xff) << 8;

    private long Waitid(Syscall call)
    {
        var (kind, id, info, options) = (call.Int(0), call.Int(1), call.Arg(2), call.Int(3));
        if ((options & WaitExited) == 0 || kind is not (IdAll or IdPid or IdGroup)) return -Errno.Invalid;
        var target = kind == IdPid ? id : Process.AnyChild;
        var r = Api.Wait(call.Process, target, block: false);
        switch (r.Outcome)
        {
            case WaitOutcome.NoChild:
                return -Errno.NoChild;
            case WaitOutcome.NotYet when (options & WaitNoHang) != 0:
                return info == 0 || call.Space.TryWrite(info, new byte[128]) ? 0 : -Errno.Fault;
            case WaitOutcome.NotYet:
                Api.ChildExitsOf(call.Process).Sleep(call.Process);
                return Syscall.NoReturn;
        }
        return info == 0 || call.Space.TryWrite(info, ChildInfo(r.Child!)) ? 0 : -Errno.Fault;
    }

    /// <summary>The siginfo_t waitid fills: SIGCHLD, how the child ended, its pid and status.</summary>
    private static byte[] ChildInfo(Process child)
    {
        var info = new byte[128];
        SignalInfo.OfChild(child).WriteTo(info, Signal.Chld);
        return info;
    }

    private long Yield(Syscall call)
    {
        Api.Yield(call.Process);
        return 0;
    }

    private Process? Target(Syscall call, int pid) =>
        pid == 0 ? call.Process : linux.Kernel.Table.Find(pid) is { IsAlive: true } p ? p : null;

    /// <summary>Only PRIO_PROCESS; the kernel's form of the answer, 20 - nice, so it is never negative.</summary>
    private long Getpriority(Syscall call)
    {
        if (call.Int(0) != 0) return -Errno.Invalid;
        return Target(call, call.Int(1)) is { } p ? 20 - p.Nice : -Errno.NoProcess;
    }

    /// <summary>The nice value feeds the scheduling policy (CFS's weights, for one).</summary>
    private long Setpriority(Syscall call)
    {
        if (call.Int(0) != 0) return -Errno.Invalid;
        if (Target(call, call.Int(1)) is not { } p) return -Errno.NoProcess;
        Api.SetNice(p.Pid, call.Int(2));
        return 0;
    }
}
