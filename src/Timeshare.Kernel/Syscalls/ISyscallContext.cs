using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// A program stopped on a system call, as the kernel sees it: the number and
/// arguments in its saved registers (a7, a0..a5), its address space, and a
/// way to return the result.
/// </summary>
public interface ISyscallContext
{
    ulong Number { get; }
    ulong Argument(int index);
    AddressSpace Space { get; }

    /// <summary>Puts the result in a0 and moves past the ecall: the program resumes there when it next runs.</summary>
    void Return(long value);
}
