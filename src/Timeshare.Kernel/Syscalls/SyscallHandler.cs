namespace Timeshare.Kernel.Syscalls;

/// <summary>Serves one system call: its result for a0 (a negated errno on failure), or <see cref="Syscall.NoReturn"/>.</summary>
public delegate long SyscallHandler(Syscall call);
