namespace Timeshare.Kernel.Syscalls;

/// <summary>Linux errno values; a failing call returns the negated value in a0.</summary>
public static class Errno
{
    public const long NotPermitted = 1;
    public const long NoEntry = 2;
    public const long NoProcess = 3;
    public const long Interrupted = 4;
    public const long IoError = 5;
    public const long ArgumentsTooLong = 7;
    public const long NoExec = 8;
    public const long BadFile = 9;
    public const long NoChild = 10;
    public const long TryAgain = 11;
    public const long NoMemory = 12;
    public const long AccessDenied = 13;
    public const long Fault = 14;
    public const long Exists = 17;
    public const long NotDirectory = 20;
    public const long IsDirectory = 21;
    public const long Invalid = 22;
    public const long TooManyFiles = 24;
    public const long NotTerminal = 25;
    public const long FileTooBig = 27;
    public const long NoSpace = 28;
    public const long IllegalSeek = 29;
    public const long BrokenPipe = 32;
    public const long Range = 34;
    public const long NameTooLong = 36;
    public const long NotImplemented = 38;
    public const long NotEmpty = 39;
}
