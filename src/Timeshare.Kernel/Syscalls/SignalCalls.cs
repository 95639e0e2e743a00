using System.Buffers.Binary;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// Signals: kill, tkill, tgkill, rt_sigaction, rt_sigprocmask, rt_sigpending,
/// rt_sigsuspend and rt_sigreturn. Every process is its own process group and
/// its only thread, so a group id or a thread id is a pid.
/// </summary>
internal sealed class SignalCalls(LinuxSyscalls linux)
{
    /// <summary>The kernel's sigset_t on riscv64: 64 bits.</summary>
    private const ulong SetSize = 8;
    private const int Block = 0, Unblock = 1, SetMask = 2;
    /// <summary>The kernel's struct sigaction: {handler, flags, mask}.</summary>
    private const int ActionSize = 24;

    private SignalDelivery Signals => linux.Signals;

    public void Register()
    {
        linux.Handle(SyscallNumber.Kill, Kill);
        linux.Handle(SyscallNumber.Tkill, c => c.Int(0) <= 0 ? -Errno.Invalid : SendTo(c, c.Int(0), c.Int(1), SignalInfo.Tkill));
        linux.Handle(SyscallNumber.Tgkill, Tgkill);
        linux.Handle(SyscallNumber.RtSigaction, Sigaction);
        linux.Handle(SyscallNumber.RtSigprocmask, Sigprocmask);
        linux.Handle(SyscallNumber.RtSigpending, c => c.Arg(1) != SetSize ? -Errno.Invalid
            : WriteSet(c, c.Arg(0), c.Process.Signals.Pending & c.Process.Signals.Blocked));
        linux.Handle(SyscallNumber.RtSigsuspend, Sigsuspend);
        linux.Handle(SyscallNumber.RtSigreturn, Sigreturn);
    }

    /// <summary>
    /// pid &gt; 0: that process; 0: the caller's group, the caller; -1: every
    /// process but init and the caller (as Linux); below -1: group -pid, that process.
    /// </summary>
    private long Kill(Syscall call)
    {
        var (pid, signal) = (call.Int(0), call.Int(1));
        // -int.MinValue stays negative: no such process.
        if (pid != -1) return SendTo(call, pid switch { 0 => call.Process.Pid, > 0 => pid, _ => unchecked(-pid) }, signal, SignalInfo.User);
        if (!IsSignalOrZero(signal)) return -Errno.Invalid;
        var others = linux.Kernel.Table.All().Where(p => p.IsAlive && p != linux.Api.Init && p != call.Process).ToList();
        if (signal != 0)
            foreach (var p in others) Signals.Send(p, signal, new SignalInfo(SignalInfo.User, call.Process.Pid));
        return others.Count > 0 ? 0 : -Errno.NoProcess;
    }

    private long Tgkill(Syscall call)
    {
        var (group, thread) = (call.Int(0), call.Int(1));
        if (group <= 0 || thread <= 0) return -Errno.Invalid;
        return group == thread ? SendTo(call, thread, call.Int(2), SignalInfo.Tkill) : -Errno.NoProcess;
    }

    /// <summary>Signal 0 only checks that the process exists; a zombie exists until reaped, and ignores every signal.</summary>
    private long SendTo(Syscall call, int pid, int signal, int code)
    {
        if (!IsSignalOrZero(signal)) return -Errno.Invalid;
        if (linux.Kernel.Table.Find(pid) is not { } target) return -Errno.NoProcess;
        if (signal != 0) Signals.Send(target, signal, new SignalInfo(code, call.Process.Pid));
        return 0;
    }

    private static bool IsSignalOrZero(int signal) => signal == 0 || Signal.IsValid(signal);

    /// <summary>SIGKILL and SIGSTOP keep their default action; asking for another is EINVAL, asking what it is is not.</summary>
    private long Sigaction(Syscall call)
    {
        var (signal, act, old) = (call.Int(0), call.Arg(1), call.Arg(2));
        if (call.Arg(3) != SetSize || !Signal.IsValid(signal)) return -Errno.Invalid;
        if (act != 0 && (Signal.Bit(signal) & Signal.Unblockable) != 0) return -Errno.Invalid;
        Span<byte> record = stackalloc byte[ActionSize];
        var state = call.Process.Signals;
        var previous = state.ActionOf(signal);
        if (act != 0)
        {
            if (!call.Space.TryRead(act, record)) return -Errno.Fault;
            var mask = BinaryPrimitives.ReadUInt64LittleEndian(record[16..]) & ~Signal.Unblockable;
            state.SetAction(signal, new Disposition(BinaryPrimitives.ReadUInt64LittleEndian(record),
                BinaryPrimitives.ReadUInt64LittleEndian(record[8..]), mask));
        }
        if (old == 0) return 0;
        BinaryPrimitives.WriteUInt64LittleEndian(record, previous.Handler);
        BinaryPrimitives.WriteUInt64LittleEndian(record[8..], previous.Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(record[16..], previous.Mask);
        return call.Space.TryWrite(old, record) ? 0 : -Errno.Fault;
    }

    private long Sigprocmask(Syscall call)
    {
        var (how, set, old) = (call.Int(0), call.Arg(1), call.Arg(2));
        if (call.Arg(3) != SetSize) return -Errno.Invalid;
        var state = call.Process.Signals;
        var previous = state.Blocked;
        if (set != 0)
        {
            if (!TryReadSet(call, set, out var change)) return -Errno.Fault;
            switch (how)
            {
                case Block: state.Blocked |= change; break;
                case Unblock: state.Blocked &= ~change; break;
                case SetMask: state.Blocked = change; break;
                default: return -Errno.Invalid;
            }
        }
        return old == 0 ? 0 : WriteSet(call, old, previous);
    }

    /// <summary>
    /// Waits with the given mask until a signal runs a handler or ends the
    /// process; others (ignored, stopping) are taken without waking it. The
    /// handler's frame keeps the old mask, so it comes back when the handler
    /// returns. The call has already returned EINTR (the only thing it ever
    /// returns) while it sleeps.
    /// </summary>
    private long Sigsuspend(Syscall call)
    {
        if (call.Arg(1) != SetSize) return -Errno.Invalid;
        if (!TryReadSet(call, call.Arg(0), out var mask)) return -Errno.Fault;
        var state = call.Process.Signals;
        state.SuspendedMask = state.Blocked;
        state.Blocked = mask;
        if ((state.Deliverable & (state.Caught | state.Fatal)) == 0) linux.Api.Block(call.Process, Events.Cause.SignalWait);
        return -Errno.Interrupted;
    }

    /// <summary>Back from a handler: registers, pc and mask as the frame at sp saved them; a frame that cannot be read is SIGSEGV.</summary>
    private long Sigreturn(Syscall call)
    {
        var p = call.Process;
        var program = (HartExecutor)p.Executor;
        if (SignalFrame.Pop(program.Space, program.Context, out var mask)) p.Signals.Blocked = mask;
        else Signals.Force(p, Signal.Segv, program.Context.X[2]);
        return Syscall.NoReturn;
    }

    private static bool TryReadSet(Syscall call, ulong address, out ulong set)
    {
        Span<byte> bytes = stackalloc byte[8];
        var ok = call.Space.TryRead(address, bytes);
        set = ok ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : 0;
        return ok;
    }

    private static long WriteSet(Syscall call, ulong address, ulong set)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, set);
        return call.Space.TryWrite(address, bytes) ? 0 : -Errno.Fault;
    }
}
