namespace Timeshare.Kernel.Loading;

/// <summary>
/// A file that is not a runnable riscv64 executable: exec fails with ENOEXEC,
/// and the message (one line) names what is wrong.
/// </summary>
public sealed class ElfError(string message) : Exception(message)
{
    /// <summary>Linux's errno for "exec format error".</summary>
    public const int Enoexec = 8;
}
