using System.Buffers.Binary;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>Simulated time: clock_gettime, gettimeofday, nanosleep. A cycle is a nanosecond.</summary>
internal sealed class ClockCalls(LinuxSyscalls linux)
{
    private const long NanosPerSecond = 1_000_000_000;

    public void Register()
    {
        linux.Handle(SyscallNumber.ClockGettime, c => Time(c.Space, c.Arg(1), NanosPerSecond));
        linux.Handle(SyscallNumber.Gettimeofday, c => c.Arg(0) == 0 ? 0 : Time(c.Space, c.Arg(0), 1_000_000));
        linux.Handle(SyscallNumber.Nanosleep, Nanosleep);
    }

    private long Nanosleep(Syscall call)
    {
        Span<byte> ts = stackalloc byte[16];
        if (!call.Space.TryRead(call.Arg(0), ts)) return -Errno.Fault;
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(ts);
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(ts[8..]);
        if (seconds < 0 || nanos is < 0 or >= NanosPerSecond) return -Errno.Invalid;
        // The sleep is over when the process next runs: it returns 0 then.
        linux.Api.Sleep(call.Process, checked(seconds * NanosPerSecond + nanos));
        return 0;
    }

    /// <summary>Writes {seconds, fraction} for clock_gettime (nanoseconds) or gettimeofday (microseconds).</summary>
    private long Time(AddressSpace space, ulong address, long unitsPerSecond)
    {
        var now = linux.Kernel.Clock.Now;
        Span<byte> value = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(value, now / NanosPerSecond);
        BinaryPrimitives.WriteInt64LittleEndian(value[8..], now % NanosPerSecond / (NanosPerSecond / unitsPerSecond));
        return space.TryWrite(address, value) ? 0 : -Errno.Fault;
    }
}
