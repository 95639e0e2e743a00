using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// A system call being served: who made it and its arguments. One instance
/// is reused for every call.
/// </summary>
public sealed class Syscall
{
    /// <summary>
    /// A handler's answer when it must not return a value: it slept and will be
    /// tried again from the ecall when woken, or the program exited or was replaced.
    /// </summary>
    public const long NoReturn = long.MinValue;

    private ISyscallContext? _context;
    private Process? _process;

    public Process Process => _process!;
    public ISyscallContext Context => _context!;
    public AddressSpace Space => Context.Space;
    public ulong Number => Context.Number;

    public ulong Arg(int index) => Context.Argument(index);

    /// <summary>Argument <paramref name="index"/> as a C int (fds, flags, pids: the low 32 bits, sign-extended).</summary>
    public int Int(int index) => (int)Context.Argument(index);

    internal void Begin(Process p, ISyscallContext context)
    {
        _process = p;
        _context = context;
    }
}
