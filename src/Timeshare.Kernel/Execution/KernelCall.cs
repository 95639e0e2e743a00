using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Execution;

/// <summary>A request from a program to the kernel, the abstract form of a system call.</summary>
public readonly record struct KernelCall(CallKind Kind, int Argument = 0, Script? Child = null, string? Text = null);
