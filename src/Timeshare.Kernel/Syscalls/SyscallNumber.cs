namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux riscv64 (asm-generic) system call numbers the kernel serves.</summary>
public enum SyscallNumber : ulong
{
    Read = 63,
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
    Munmap = 215,
    Mmap = 222,
    Mprotect = 226,
    GetRandom = 278,
}
