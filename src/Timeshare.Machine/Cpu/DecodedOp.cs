using System.Runtime.InteropServices;

namespace Timeshare.Machine.Cpu;

/// <summary>
/// One pre-decoded instruction, 16 bytes. Integer destination x0 is renamed to the sink
/// register 32 at decode time, so execution never has to re-zero x0.
/// For <see cref="Op.Illegal"/>, Imm holds the raw instruction bits.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DecodedOp(Op Op, byte Rd, byte Rs1, byte Rs2, byte Rs3, byte Rm, byte Len, long Imm)
{
    public static DecodedOp Illegal(uint bits, int len) => new(Op.Illegal, 0, 0, 0, 0, 0, (byte)len, bits);
}
