using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Execution;

/// <summary>A request from a program to the kernel, the abstract form of a system call.</summary>
/// <param name="Address">PageFault: the address whose page was just filled on demand.</param>
public readonly record struct KernelCall(CallKind Kind, int Argument = 0, Script? Child = null, string? Text = null, ulong Address = 0);
