namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux errno values; a failing call returns the negated value in a0.</summary>
public static class Errno
{
    public const long NoEntry = 2;
    public const long IoError = 5;
    public const long BadFile = 9;
    public const long NoMemory = 12;
    public const long Fault = 14;
    public const long Exists = 17;
    public const long NotDirectory = 20;
    public const long IsDirectory = 21;
    public const long Invalid = 22;
    public const long TooBig = 27;
    public const long NoSpace = 28;
    public const long NameTooLong = 36;
    public const long NotImplemented = 38;
    public const long NotEmpty = 39;
}
