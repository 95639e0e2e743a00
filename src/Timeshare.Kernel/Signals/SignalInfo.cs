using System.Buffers.Binary;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Signals;

/// <summary>
/// Why a signal was sent, as the handler's siginfo_t tells it: si_code, the
/// sender's pid (kill, SIGCHLD) and, for SIGCHLD, the child's status; for a
/// fault, the address instead (the same place in siginfo_t's union).
/// </summary>
public readonly record struct SignalInfo(int Code, int Pid = 0, int Status = 0, ulong Address = 0)
{
    /// <summary>si_code values: sent by kill, by tkill/tgkill, by the kernel; a child exited or was killed.</summary>
    public const int User = 0, Tkill = -6, Kernel = 0x80, ChildExited = 1, ChildKilled = 2;

    /// <summary>What SIGCHLD (and waitid) tell of a child that ended: how, its pid, its exit code or signal.</summary>
    public static SignalInfo OfChild(Process child) => child.TermSignal != 0
        ? new SignalInfo(ChildKilled, child.Pid, child.TermSignal)
        : new SignalInfo(ChildExited, child.Pid, child.ExitStatus & 0xff);

    /// <summary>The start of a 128-byte siginfo_t: si_signo, si_errno, si_code, then si_addr (faults) or the sender's pid, its uid (0), the child's status.</summary>
    public void WriteTo(Span<byte> siginfo, int signal)
    {
        BinaryPrimitives.WriteInt32LittleEndian(siginfo, signal);
        BinaryPrimitives.WriteInt32LittleEndian(siginfo[8..], Code);
        if (Address != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(siginfo[16..], Address);
            return;
        }
        BinaryPrimitives.WriteInt32LittleEndian(siginfo[16..], Pid);
        BinaryPrimitives.WriteInt32LittleEndian(siginfo[24..], Status);
    }
}
