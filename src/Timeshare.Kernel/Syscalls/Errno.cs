namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux errno values; a failing call returns the negated value in a0.</summary>
public static class Errno
{
    public const long BadFile = 9;
    public const long NoMemory = 12;
    public const long Fault = 14;
    public const long Invalid = 22;
    public const long NotImplemented = 38;
}
