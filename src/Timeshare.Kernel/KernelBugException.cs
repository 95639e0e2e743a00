namespace Timeshare.Kernel;

/// <summary>
/// A broken kernel invariant. Guest misbehaviour never raises this: it becomes
/// a signal, an errno or a message. Only a bug in the kernel itself does.
/// </summary>
public sealed class KernelBugException(string message) : Exception(message)
{
    /// <summary>Throws out of line, so that a hot method that checks an invariant stays small enough to inline.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void Throw(string message) => throw new KernelBugException(message);
}
