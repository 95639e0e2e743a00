using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>The heap and mappings: brk, mmap, munmap, mprotect.</summary>
internal sealed class MemoryCalls
{
    private const ulong MapAnonymous = 0x20, MapFixed = 0x10;
    private const ulong ProtRead = 1, ProtWrite = 2, ProtExec = 4;

    public void Register(LinuxSyscalls linux)
    {
        linux.Handle(SyscallNumber.Brk, c => (long)c.Space.MoveBreak(c.Arg(0), ElfLoader.StackTop - ElfLoader.StackSize));
        linux.Handle(SyscallNumber.Mmap, c => Mmap(c.Space, c.Arg(1), c.Arg(2), c.Arg(3)));
        linux.Handle(SyscallNumber.Munmap, c => Munmap(c.Space, c.Arg(0), c.Arg(1)));
        linux.Handle(SyscallNumber.Mprotect, c => Mprotect(c.Space, c.Arg(0), c.Arg(1), c.Arg(2)));
    }

    /// <summary>Anonymous private mappings only, with some access; the address is the kernel's choice (no MAP_FIXED yet).</summary>
    private static long Mmap(AddressSpace space, ulong length, ulong prot, ulong flags)
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
}
