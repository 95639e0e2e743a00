namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux riscv64 (asm-generic) system call numbers the kernel serves.</summary>
public enum SyscallNumber : ulong
{
    Write = 64,
    Writev = 66,
    Exit = 93,
    ExitGroup = 94,
    SetTidAddress = 96,
    Nanosleep = 101,
    ClockGettime = 113,
    Uname = 160,
    Gettimeofday = 169,
    GetPid = 172,
    GetPpid = 173,
    Brk = 214,
    GetRandom = 278,
}
