using System.Buffers.Binary;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Machine;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// The Linux riscv64 system calls a single program makes: a7 holds the
/// number, a0..a5 the arguments, the result goes to a0 (a negated errno on
/// failure). Calls that end or block the process are handed to the kernel.
/// </summary>
public sealed class LinuxSyscalls(IConsole stdout, IConsole stderr)
{
    /// <summary>The most one write copies at once; a longer one is a short write, as Linux allows.</summary>
    public const int MaxTransfer = 1 << 20;

    private const int A0 = 10, A7 = 17;

    /// <summary>Serves the call the hart stopped on; returns the exit status when the call ends the process.</summary>
    public int? Serve(Hart hart, AddressSpace space)
    {
        ulong Arg(int i) => hart.ReadRegister(A0 + i);
        long result;
        switch ((SyscallNumber)hart.ReadRegister(A7))
        {
            case SyscallNumber.Exit or SyscallNumber.ExitGroup:
                return (int)(Arg(0) & 0xff);
            case SyscallNumber.Write:
                result = Write(space, (long)Arg(0), Arg(1), Arg(2));
                break;
            case SyscallNumber.Writev:
                result = Writev(space, (long)Arg(0), Arg(1), Arg(2));
                break;
            case SyscallNumber.Brk:
                result = (long)space.MoveBreak(Arg(0), ElfLoader.StackTop - ElfLoader.StackSize);
                break;
            default:
                result = -Errno.NotImplemented;
                break;
        }
        hart.WriteRegister(A0, (ulong)result);
        return null;
    }

    private long Write(AddressSpace space, long fd, ulong buffer, ulong count)
    {
        var console = fd switch { 1 => stdout, 2 => stderr, _ => null };
        if (console is null) return -Errno.BadFile;
        var bytes = new byte[(int)Math.Min(count, MaxTransfer)];
        if (!space.TryRead(buffer, bytes)) return -Errno.Fault;
        console.Write(bytes);
        return bytes.Length;
    }

    private long Writev(AddressSpace space, long fd, ulong vector, ulong count)
    {
        long total = 0;
        Span<byte> entry = stackalloc byte[16];
        for (ulong i = 0; i < count; i++)
        {
            if (!space.TryRead(vector + 16 * i, entry)) return -Errno.Fault;
            var written = Write(space, fd, BinaryPrimitives.ReadUInt64LittleEndian(entry), BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]));
            if (written < 0) return total > 0 ? total : written;
            total += written;
        }
        return total;
    }
}
