using System.Text;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>What the system says of itself: uname, getrandom, and the user ids of a one-user system.</summary>
internal sealed class SystemCalls(LinuxSyscalls linux)
{
    private const int UtsField = 65;
    private static readonly string[] Uts = ["Linux", "timeshare", "6.1.0-timeshare", "#1", "riscv64", "(none)"];

    public void Register()
    {
        linux.Handle(SyscallNumber.Uname, c => Uname(c.Space, c.Arg(0)));
        linux.Handle(SyscallNumber.GetRandom, c => Random(c.Space, c.Arg(0), c.Arg(1)));
        // Everything runs as root: uid and gid 0, a umask of 022.
        foreach (var id in new[] { SyscallNumber.Getuid, SyscallNumber.Geteuid, SyscallNumber.Getgid, SyscallNumber.Getegid })
            linux.Handle(id, _ => 0);
        linux.Handle(SyscallNumber.Umask, _ => 0x12);
    }

    private static long Uname(AddressSpace space, ulong address)
    {
        var buffer = new byte[UtsField * Uts.Length];
        for (var i = 0; i < Uts.Length; i++) Encoding.ASCII.GetBytes(Uts[i], buffer.AsSpan(i * UtsField));
        return space.TryWrite(address, buffer) ? 0 : -Errno.Fault;
    }

    private long Random(AddressSpace space, ulong address, ulong count)
    {
        var bytes = new byte[(int)Math.Min(count, LinuxSyscalls.MaxTransfer)];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)linux.Random.NextBelow(256);
        return space.TryWrite(address, bytes) ? bytes.Length : -Errno.Fault;
    }
}
