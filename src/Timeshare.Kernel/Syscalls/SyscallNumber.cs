namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux riscv64 (asm-generic) system call numbers the kernel serves.</summary>
public enum SyscallNumber : ulong
{
    Write = 64,
    Writev = 66,
    Exit = 93,
    ExitGroup = 94,
    Brk = 214,
}
