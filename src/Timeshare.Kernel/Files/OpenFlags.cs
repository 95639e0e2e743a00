namespace Timeshare.Kernel.Files;

/// <summary>openat's flags (asm-generic values) beyond the access mode and status flags of <see cref="OpenFile"/>.</summary>
public static class OpenFlags
{
    public const int Create = 0x40, Exclusive = 0x80, Truncate = 0x200;
    public const int Directory = 0x10000, CloseOnExec = 0x80000;
}
