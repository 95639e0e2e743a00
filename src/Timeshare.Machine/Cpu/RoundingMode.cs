namespace Timeshare.Machine.Cpu;

/// <summary>RISC-V rounding modes as encoded in the rm field and in frm. 5 and 6 are reserved.</summary>
public enum RoundingMode : byte
{
    NearestEven = 0,
    TowardZero = 1,
    Down = 2,
    Up = 3,
    NearestMaxMagnitude = 4,
    /// <summary>Only valid in an instruction's rm field: use frm.</summary>
    Dynamic = 7,
}
