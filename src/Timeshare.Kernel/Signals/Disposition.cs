namespace Timeshare.Kernel.Signals;

/// <summary>
/// What a process asked a signal to do: the kernel's struct sigaction
/// {handler, flags, mask}. Handler 0 is SIG_DFL and 1 is SIG_IGN; any other
/// value is the address of a function in the program.
/// </summary>
public readonly record struct Disposition(ulong Handler, ulong Flags = 0, ulong Mask = 0)
{
    public const ulong SigDefault = 0, SigIgnore = 1;
    public const ulong SigInfo = 0x4, Restart = 0x1000_0000, NoDefer = 0x4000_0000, ResetHand = 0x8000_0000;

    public static readonly Disposition Default = new(SigDefault);

    public bool IsDefault => Handler == SigDefault;
    public bool IsIgnore => Handler == SigIgnore;
    public bool IsHandler => Handler > SigIgnore;
    public bool Has(ulong flag) => (Flags & flag) != 0;
}
