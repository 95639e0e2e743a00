namespace Timeshare.Machine.Cpu;

/// <summary>Accrued floating-point exception flags, in fflags bit order.</summary>
[Flags]
public enum FpFlags : byte
{
    None = 0,
    Inexact = 1 << 0,
    Underflow = 1 << 1,
    Overflow = 1 << 2,
    DivideByZero = 1 << 3,
    Invalid = 1 << 4,
}
