using System.Buffers.Binary;
using System.Text;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Processes;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// The Linux riscv64 system calls of single programs, served by the kernel:
/// the result goes to a0 (a negated errno on failure); exit and sleep are
/// handed back to the kernel as an outcome. Simulated time: one cycle is one
/// nanosecond. Randomness comes from the seeded source, so runs repeat.
/// </summary>
public sealed class LinuxSyscalls(Stream stdin, IConsole stdout, IConsole stderr, SeededRandom random)
{
    private const ulong MapAnonymous = 0x20, MapFixed = 0x10;
    private const ulong ProtRead = 1, ProtWrite = 2, ProtExec = 4;

    /// <summary>The most one write copies at once; a longer one is a short write, as Linux allows.</summary>
    public const int MaxTransfer = 1 << 20;

    private const long NanosPerSecond = 1_000_000_000;
    private const int UtsField = 65;
    private static readonly string[] Uts = ["Linux", "timeshare", "6.1.0-timeshare", "#1", "riscv64", "(none)"];

    public SyscallOutcome Serve(Process p, ISyscallContext call, long now)
    {
        ulong Arg(int i) => call.Argument(i);
        var space = call.Space;
        var number = (SyscallNumber)call.Number;
        long result;
        switch (number)
        {
            case SyscallNumber.Exit or SyscallNumber.ExitGroup:
                return new SyscallOutcome(SyscallAction.Exit, (long)(Arg(0) & 0xff));
            case SyscallNumber.Nanosleep:
                return Nanosleep(call, Arg(0));
            case SyscallNumber.Read: result = Read(space, (long)Arg(0), Arg(1), Arg(2)); break;
            case SyscallNumber.Write: result = Write(space, (long)Arg(0), Arg(1), Arg(2)); break;
            case SyscallNumber.Mmap: result = Mmap(space, Arg(0), Arg(1), Arg(2), Arg(3)); break;
            case SyscallNumber.Munmap: result = Munmap(space, Arg(0), Arg(1)); break;
            case SyscallNumber.Mprotect: result = Mprotect(space, Arg(0), Arg(1), Arg(2)); break;
            case SyscallNumber.Writev: result = Writev(space, (long)Arg(0), Arg(1), Arg(2)); break;
            case SyscallNumber.Brk: result = (long)space.MoveBreak(Arg(0), ElfLoader.StackTop - ElfLoader.StackSize); break;
            case SyscallNumber.GetPid or SyscallNumber.SetTidAddress: result = p.Pid; break;
            case SyscallNumber.GetPpid: result = p.Parent?.Pid ?? 0; break;
            case SyscallNumber.ClockGettime: result = Time(space, Arg(1), now, NanosPerSecond); break;
            case SyscallNumber.Gettimeofday: result = Arg(0) == 0 ? 0 : Time(space, Arg(0), now, 1_000_000); break;
            case SyscallNumber.Uname: result = Uname(space, Arg(0)); break;
            case SyscallNumber.GetRandom: result = Random(space, Arg(0), Arg(1)); break;
            default:
                call.Return(-Errno.NotImplemented);
                return new SyscallOutcome(SyscallAction.Continue, (long)call.Number, Unknown: true);
        }
        call.Return(result);
        return SyscallOutcome.Continue;
    }

    private static SyscallOutcome Nanosleep(ISyscallContext call, ulong request)
    {
        Span<byte> ts = stackalloc byte[16];
        if (!call.Space.TryRead(request, ts))
        {
            call.Return(-Errno.Fault);
            return SyscallOutcome.Continue;
        }
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(ts);
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(ts[8..]);
        if (seconds < 0 || nanos is < 0 or >= NanosPerSecond)
        {
            call.Return(-Errno.Invalid);
            return SyscallOutcome.Continue;
        }
        call.Return(0);
        return new SyscallOutcome(SyscallAction.Sleep, checked(seconds * NanosPerSecond + nanos));
    }

    /// <summary>Writes {seconds, fraction} for clock_gettime (nanoseconds) or gettimeofday (microseconds).</summary>
    private static long Time(AddressSpace space, ulong address, long now, long unitsPerSecond)
    {
        Span<byte> value = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(value, now / NanosPerSecond);
        BinaryPrimitives.WriteInt64LittleEndian(value[8..], now % NanosPerSecond / (NanosPerSecond / unitsPerSecond));
        return space.TryWrite(address, value) ? 0 : -Errno.Fault;
    }

    private static long Uname(AddressSpace space, ulong address)
    {
        var buffer = new byte[UtsField * Uts.Length];
        for (var i = 0; i < Uts.Length; i++) Encoding.ASCII.GetBytes(Uts[i], buffer.AsSpan(i * UtsField));
        return space.TryWrite(address, buffer) ? 0 : -Errno.Fault;
    }

    private long Random(AddressSpace space, ulong address, ulong count)
    {
        var bytes = new byte[(int)Math.Min(count, MaxTransfer)];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)random.NextBelow(256);
        return space.TryWrite(address, bytes) ? bytes.Length : -Errno.Fault;
    }

    /// <summary>fd 0 reads the console's input; 1 and 2 are write-only; no other fd is open yet.</summary>
    private long Read(AddressSpace space, long fd, ulong buffer, ulong count)
    {
        if (fd != 0) return -Errno.BadFile;
        var bytes = new byte[(int)Math.Min(count, MaxTransfer)];
        var got = stdin.Read(bytes);
        return space.TryWrite(buffer, bytes.AsSpan(0, got)) ? got : -Errno.Fault;
    }

    /// <summary>Anonymous private mappings only, with some access; the address is the kernel's choice (no MAP_FIXED yet).</summary>
    private static long Mmap(AddressSpace space, ulong hint, ulong length, ulong prot, ulong flags)
    {
        if ((flags & MapAnonymous) == 0 || (flags & MapFixed) != 0 || length == 0 || (prot & (ProtRead | ProtWrite | ProtExec)) == 0)
            return -Errno.Invalid;
        return space.MapAnonymous(length, Permissions(prot)) is { } address ? (long)address : -Errno.NoMemory;
    }

    /// <summary>PROT_NONE is refused (EINVAL) until a page can be mapped with no access at all.</summary>
    private static long Mprotect(AddressSpace space, ulong address, ulong length, ulong prot)
    {
        if ((address & 4095) != 0 || (prot & (ProtRead | ProtWrite | ProtExec)) == 0) return -Errno.Invalid;
        return space.Protect(address, length, Permissions(prot)) ? 0 : -Errno.NoMemory;
    }

    private static long Munmap(AddressSpace space, ulong address, ulong length)
    {
        if ((address & 4095) != 0 || length == 0) return -Errno.Invalid;
        space.Unmap(address, length);
        return 0;
    }

    private static Machine.Memory.PteFlags Permissions(ulong prot) =>
        PagePermissions.Of((prot & ProtRead) != 0, (prot & ProtWrite) != 0, (prot & ProtExec) != 0);

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
