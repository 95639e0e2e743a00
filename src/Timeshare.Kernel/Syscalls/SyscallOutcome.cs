namespace Timeshare.Kernel.Syscalls;

/// <summary>What the kernel must do after a system call besides returning its result.</summary>
public enum SyscallAction
{
    /// <summary>Nothing: the program goes on.</summary>
    Continue,
    /// <summary>The process exits with status Value.</summary>
    Exit,
    /// <summary>The process sleeps for Value cycles.</summary>
    Sleep,
}

/// <param name="Unknown">The number is not one the kernel serves (it returned -ENOSYS).</param>
public readonly record struct SyscallOutcome(SyscallAction Action, long Value = 0, bool Unknown = false)
{
    public static readonly SyscallOutcome Continue = new(SyscallAction.Continue);
}
