namespace Timeshare.Kernel;

/// <summary>
/// A broken kernel invariant. Guest misbehaviour never raises this: it becomes
/// a signal, an errno or a message. Only a bug in the kernel itself does.
/// </summary>
public sealed class KernelBugException(string message) : Exception(message);
