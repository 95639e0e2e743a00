namespace Timeshare.Kernel.Execution;

/// <summary>The services an abstract program asks the kernel for.</summary>
public enum CallKind
{
    /// <summary>Start an I/O on the device and block until it completes.</summary>
    Io,
    /// <summary>Create a child process running <see cref="KernelCall.Child"/>.</summary>
    Fork,
    /// <summary>Wait for a child to exit (<see cref="KernelCall.Argument"/>: a pid, or any child).</summary>
    Wait,
    /// <summary>Exit with status <see cref="KernelCall.Argument"/>.</summary>
    Exit,
    /// <summary>Block for <see cref="KernelCall.Argument"/> ticks, then be Ready again.</summary>
    Sleep,
    /// <summary>Write <see cref="KernelCall.Text"/> to the console.</summary>
    Print,

    /// <summary>A Linux system call: its number and arguments are in the program's registers (<see cref="Syscalls.ISyscallContext"/>).</summary>
    Syscall,

    /// <summary>The program made a bad access or ran a bad instruction: <see cref="KernelCall.Argument"/> is the signal it gets.</summary>
    Fault,

    /// <summary>A page was filled on first touch (demand paging); the faulting instruction runs again.</summary>
    PageFault,
}
