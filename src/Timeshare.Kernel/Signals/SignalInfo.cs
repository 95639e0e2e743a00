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
}
