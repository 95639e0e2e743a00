namespace Timeshare.Kernel.Signals;

/// <summary>
/// Linux signal numbers (asm-generic, as riscv64 uses them) and the 64-bit
/// sets the kernel keeps of them: bit n-1 stands for signal n.
/// </summary>
public static class Signal
{
    /// <summary>The highest signal number; 1..Count are valid.</summary>
    public const int Count = 64;

    public const int Int = 2, Ill = 4, Trap = 5, Bus = 7, Fpe = 8, Kill = 9, Usr1 = 10, Segv = 11, Usr2 = 12;
    public const int Pipe = 13, Term = 15, Chld = 17, Cont = 18, Stop = 19, Tstp = 20, Ttin = 21, Ttou = 22;
    public const int Urg = 23, Winch = 28;

    /// <summary>SIGKILL and SIGSTOP: no process can block, catch or ignore them.</summary>
    public static readonly ulong Unblockable = Bit(Kill) | Bit(Stop);

    /// <summary>The signals whose default action stops the process.</summary>
    public static readonly ulong Stopping = Bit(Stop) | Bit(Tstp) | Bit(Ttin) | Bit(Ttou);

    /// <summary>The signals a faulting instruction raises: the program cannot go on without taking them.</summary>
    public static readonly ulong Synchronous = Bit(Ill) | Bit(Trap) | Bit(Bus) | Bit(Fpe) | Bit(Segv);

    public static bool IsValid(int signal) => signal is >= 1 and <= Count;

    public static ulong Bit(int signal) => 1UL << (signal - 1);

    /// <summary>The lowest-numbered signal in <paramref name="set"/>, 0 if it is empty.</summary>
    public static int Lowest(ulong set) => set == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(set) + 1;
}
