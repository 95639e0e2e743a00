using Timeshare.Machine.Cpu;

namespace Timeshare.Machine;

public sealed partial class Hart
{
    private const ulong BoxBits = 0xFFFF_FFFF_0000_0000;

    /// <summary>F and D instructions (except FLD/FSD, which are in the hot loop).</summary>
    private bool ExecuteFloatingPoint(DecodedOp d, ulong pc)
    {
        switch (d.Op)
        {
            case Op.Flw:
                if (!Load(x[d.Rs1] + (ulong)d.Imm, out uint loaded))
                    return false;
                f[d.Rd] = BoxBits | loaded;
                return true;
            case Op.Fsw:
                // FSW stores the low 32 bits as they are, boxed or not.
                return Store(x[d.Rs1] + (ulong)d.Imm, (uint)f[d.Rs2]);
        }

        FpFormat fmt = FpFormat.FromField(d.Imm);
        ulong a = ReadFp(fmt, d.Rs1), b = ReadFp(fmt, d.Rs2);
        FpFlags flags = FpFlags.None;
        switch (d.Op)
        {
            case Op.Fsgnj: WriteFp(fmt, d.Rd, (a & ~fmt.SignBit) | (b & fmt.SignBit)); return true;
            case Op.Fsgnjn: WriteFp(fmt, d.Rd, (a & ~fmt.SignBit) | (~b & fmt.SignBit)); return true;
            case Op.Fsgnjx: WriteFp(fmt, d.Rd, a ^ (b & fmt.SignBit)); return true;
            case Op.FmvXF: x[d.Rd] = fmt.Width == 32 ? (ulong)(long)(int)f[d.Rs1] : f[d.Rs1]; return true;
            case Op.FmvFX: WriteFp(fmt, d.Rd, fmt.Width == 32 ? (uint)x[d.Rs1] : x[d.Rs1]); return true;
            case Op.Fclass: x[d.Rd] = SoftFloat.Classify(fmt, a); return true;
            case Op.Fmin: WriteFp(fmt, d.Rd, SoftFloat.MinMax(fmt, a, b, max: false, ref flags)); break;
            case Op.Fmax: WriteFp(fmt, d.Rd, SoftFloat.MinMax(fmt, a, b, max: true, ref flags)); break;
            case Op.Feq: x[d.Rd] = SoftFloat.Equal(fmt, a, b, ref flags) ? 1UL : 0; break;
            case Op.Flt: x[d.Rd] = SoftFloat.LessThan(fmt, a, b, orEqual: false, ref flags) ? 1UL : 0; break;
            case Op.Fle: x[d.Rd] = SoftFloat.LessThan(fmt, a, b, orEqual: true, ref flags) ? 1UL : 0; break;
            default:
                if (!ResolveRoundingMode(d.Rm, out RoundingMode rm))
                    return IllegalAt(pc);
                ExecuteRounded(d, fmt, a, b, rm, ref flags);
                break;
        }
        fflags |= flags;
        return true;
    }

    /// <summary>Operations that round, with rm already resolved.</summary>
    private void ExecuteRounded(DecodedOp d, FpFormat fmt, ulong a, ulong b, RoundingMode rm, ref FpFlags flags)
    {
        switch (d.Op)
        {
            case Op.Fadd: WriteFp(fmt, d.Rd, SoftFloat.Add(fmt, a, b, rm, ref flags)); break;
            case Op.Fsub: WriteFp(fmt, d.Rd, SoftFloat.Sub(fmt, a, b, rm, ref flags)); break;
            case Op.Fmul: WriteFp(fmt, d.Rd, SoftFloat.Mul(fmt, a, b, rm, ref flags)); break;
            case Op.Fdiv: WriteFp(fmt, d.Rd, SoftFloat.Div(fmt, a, b, rm, ref flags)); break;
            case Op.Fsqrt: WriteFp(fmt, d.Rd, SoftFloat.Sqrt(fmt, a, rm, ref flags)); break;
            case Op.Fmadd or Op.Fmsub or Op.Fnmsub or Op.Fnmadd:
                ulong c = ReadFp(fmt, d.Rs3);
                bool negateProduct = d.Op is Op.Fnmsub or Op.Fnmadd;
                bool negateAddend = d.Op is Op.Fmsub or Op.Fnmadd;
                WriteFp(fmt, d.Rd, SoftFloat.MulAdd(fmt, a, b, c, negateProduct, negateAddend, rm, ref flags));
                break;
            case Op.FcvtFF:
                FpFormat from = fmt.Width == 32 ? FpFormat.Double : FpFormat.Single;
                WriteFp(fmt, d.Rd, SoftFloat.Convert(fmt, from, ReadFp(from, d.Rs1), rm, ref flags));
                break;
            case Op.FcvtIntFromFp:
                x[d.Rd] = SoftFloat.ToInteger(fmt, a, d.Rs2 < 2 ? 32 : 64, signed: (d.Rs2 & 1) == 0, rm, ref flags);
                break;
            default: // Op.FcvtFpFromInt
                ulong value = x[d.Rs1];
                value = d.Rs2 switch { 0 => (ulong)(long)(int)value, 1 => (uint)value, _ => value };
                WriteFp(fmt, d.Rd, SoftFloat.FromInteger(fmt, value, signed: (d.Rs2 & 1) == 0, rm, ref flags));
                break;
        }
    }

    private bool ResolveRoundingMode(byte field, out RoundingMode rm)
    {
        rm = field == (byte)RoundingMode.Dynamic ? frm : (RoundingMode)field;
        return rm <= RoundingMode.NearestMaxMagnitude;
    }

    /// <summary>A single is valid only if NaN-boxed; otherwise it reads as the canonical NaN.</summary>
    private ulong ReadFp(FpFormat fmt, int index)
    {
        ulong bits = f[index];
        if (fmt.Width == 64)
            return bits;
        return (bits & BoxBits) == BoxBits ? bits & 0xFFFF_FFFF : FpFormat.Single.CanonicalNaN;
    }

    private void WriteFp(FpFormat fmt, int index, ulong bits) => f[index] = fmt.Width == 32 ? BoxBits | bits : bits;
}
