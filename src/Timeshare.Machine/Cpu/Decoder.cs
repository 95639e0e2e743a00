namespace Timeshare.Machine.Cpu;

/// <summary>Decodes one RV64GC instruction into a <see cref="DecodedOp"/>.</summary>
internal static class Decoder
{
    /// <summary>Integer register index that absorbs writes to x0.</summary>
    public const int SinkRegister = 32;

    /// <summary>True when the low halfword starts a 32-bit instruction (low bits 11).</summary>
    public static bool IsFullLength(ushort low) => (low & 3) == 3;

    /// <summary>Decodes a 16-bit compressed instruction by expanding it to its base form.</summary>
    public static DecodedOp DecodeCompressed(ushort bits)
    {
        uint expanded = CompressedExpander.Expand(bits);
        if (expanded == 0)
            return DecodedOp.Illegal(bits, 2);
        DecodedOp d = Decode(expanded);
        return d.Op == Op.Illegal ? DecodedOp.Illegal(bits, 2) : d with { Len = 2 };
    }

    public static DecodedOp Decode(uint i)
    {
        int rd = (int)(i >> 7) & 31;
        int f3 = (int)(i >> 12) & 7;
        int rs1 = (int)(i >> 15) & 31;
        int rs2 = (int)(i >> 20) & 31;
        uint f7 = i >> 25;
        long immI = (int)i >> 20;
        long immS = SignExtend(((i >> 25) << 5) | ((i >> 7) & 31), 12);
        long immB = SignExtend(((i >> 31) << 12) | (((i >> 7) & 1) << 11) | (((i >> 25) & 0x3F) << 5) | (((i >> 8) & 0xF) << 1), 13);
        long immU = (int)(i & 0xFFFFF000);
        long immJ = SignExtend(((i >> 31) << 20) | (i & 0xFF000) | (((i >> 20) & 1) << 11) | (((i >> 21) & 0x3FF) << 1), 21);

        DecodedOp X(Op op, long imm = 0) => Int(op, rd, rs1, rs2, imm);
        DecodedOp Bad() => DecodedOp.Illegal(i, 4);

        switch (i & 0x7F)
        {
            case 0x37: return X(Op.Lui, immU);
            case 0x17: return X(Op.Auipc, immU);
            case 0x6F: return X(Op.Jal, immJ);
            case 0x67: return f3 == 0 ? X(Op.Jalr, immI) : Bad();
            case 0x63:
                return f3 switch
                {
                    0 => X(Op.Beq, immB), 1 => X(Op.Bne, immB), 4 => X(Op.Blt, immB),
                    5 => X(Op.Bge, immB), 6 => X(Op.Bltu, immB), 7 => X(Op.Bgeu, immB),
                    _ => Bad(),
                };
            case 0x03:
                return f3 switch
                {
                    0 => X(Op.Lb, immI), 1 => X(Op.Lh, immI), 2 => X(Op.Lw, immI), 3 => X(Op.Ld, immI),
                    4 => X(Op.Lbu, immI), 5 => X(Op.Lhu, immI), 6 => X(Op.Lwu, immI),
                    _ => Bad(),
                };
            case 0x23:
                return f3 switch
                {
                    0 => X(Op.Sb, immS), 1 => X(Op.Sh, immS), 2 => X(Op.Sw, immS), 3 => X(Op.Sd, immS),
                    _ => Bad(),
                };
            case 0x13:
                switch (f3)
                {
                    case 0: return X(Op.Addi, immI);
                    case 2: return X(Op.Slti, immI);
                    case 3: return X(Op.Sltiu, immI);
                    case 4: return X(Op.Xori, immI);
                    case 6: return X(Op.Ori, immI);
                    case 7: return X(Op.Andi, immI);
                    case 1: return (i >> 26) == 0 ? X(Op.Slli, immI & 63) : Bad();
                    default:
                        return (i >> 26) switch { 0 => X(Op.Srli, immI & 63), 0x10 => X(Op.Srai, immI & 63), _ => Bad() };
                }
            case 0x1B:
                return (f3, f7) switch
                {
                    (0, _) => X(Op.Addiw, immI),
                    (1, 0) => X(Op.Slliw, rs2),
                    (5, 0) => X(Op.Srliw, rs2),
                    (5, 0x20) => X(Op.Sraiw, rs2),
                    _ => Bad(),
                };
            case 0x33:
                return (f7, f3) switch
                {
                    (0, 0) => X(Op.Add), (0x20, 0) => X(Op.Sub), (0, 1) => X(Op.Sll), (0, 2) => X(Op.Slt),
                    (0, 3) => X(Op.Sltu), (0, 4) => X(Op.Xor), (0, 5) => X(Op.Srl), (0x20, 5) => X(Op.Sra),
                    (0, 6) => X(Op.Or), (0, 7) => X(Op.And),
                    (1, 0) => X(Op.Mul), (1, 1) => X(Op.Mulh), (1, 2) => X(Op.Mulhsu), (1, 3) => X(Op.Mulhu),
                    (1, 4) => X(Op.Div), (1, 5) => X(Op.Divu), (1, 6) => X(Op.Rem), (1, 7) => X(Op.Remu),
                    _ => Bad(),
                };
            case 0x3B:
                return (f7, f3) switch
                {
                    (0, 0) => X(Op.Addw), (0x20, 0) => X(Op.Subw), (0, 1) => X(Op.Sllw),
                    (0, 5) => X(Op.Srlw), (0x20, 5) => X(Op.Sraw),
                    (1, 0) => X(Op.Mulw), (1, 4) => X(Op.Divw), (1, 5) => X(Op.Divuw),
                    (1, 6) => X(Op.Remw), (1, 7) => X(Op.Remuw),
                    _ => Bad(),
                };
            case 0x0F:
                return f3 switch { 0 => X(Op.Fence), 1 => X(Op.FenceI), _ => Bad() };
            case 0x73:
                return f3 switch
                {
                    0 when i == 0x00000073 => X(Op.Ecall),
                    0 when i == 0x00100073 => X(Op.Ebreak),
                    1 => X(Op.Csrrw, i >> 20), 2 => X(Op.Csrrs, i >> 20), 3 => X(Op.Csrrc, i >> 20),
                    5 => X(Op.Csrrwi, i >> 20), 6 => X(Op.Csrrsi, i >> 20), 7 => X(Op.Csrrci, i >> 20),
                    _ => Bad(),
                };
            case 0x2F:
                return DecodeAtomic(i, rd, f3, rs1, rs2);
            case 0x07:
                return f3 switch { 2 => Fp(Op.Flw, rd, rs1, 0, 0, 0, immI), 3 => Fp(Op.Fld, rd, rs1, 0, 0, 0, immI), _ => Bad() };
            case 0x27:
                return f3 switch { 2 => Fp(Op.Fsw, 0, rs1, rs2, 0, 0, immS), 3 => Fp(Op.Fsd, 0, rs1, rs2, 0, 0, immS), _ => Bad() };
            case 0x43: return FusedMultiplyAdd(Op.Fmadd, i);
            case 0x47: return FusedMultiplyAdd(Op.Fmsub, i);
            case 0x4B: return FusedMultiplyAdd(Op.Fnmsub, i);
            case 0x4F: return FusedMultiplyAdd(Op.Fnmadd, i);
            case 0x53: return DecodeOpFp(i, rd, f3, rs1, rs2, f7);
            default: return Bad();
        }
    }

    private static long SignExtend(uint value, int bits) => (int)(value << (32 - bits)) >> (32 - bits);

    private static DecodedOp Int(Op op, int rd, int rs1, int rs2, long imm) =>
        new(op, (byte)(rd == 0 ? SinkRegister : rd), (byte)rs1, (byte)rs2, 0, 0, 4, imm);

    private static DecodedOp Fp(Op op, int rd, int rs1, int rs2, int rs3, int rm, long imm) =>
        new(op, (byte)rd, (byte)rs1, (byte)rs2, (byte)rs3, (byte)rm, 4, imm);

    private static DecodedOp DecodeAtomic(uint i, int rd, int f3, int rs1, int rs2)
    {
        if (f3 is not (2 or 3))
            return DecodedOp.Illegal(i, 4);
        int size = f3 == 2 ? 4 : 8;
        int funct5 = (int)(i >> 27);
        return funct5 switch
        {
            0x02 when rs2 == 0 => Int(Op.Lr, rd, rs1, 0, size),
            0x03 => Int(Op.Sc, rd, rs1, rs2, size),
            0x00 or 0x01 or 0x04 or 0x08 or 0x0C or 0x10 or 0x14 or 0x18 or 0x1C =>
                Int(Op.Amo, rd, rs1, rs2, size) with { Rm = (byte)funct5 },
            _ => DecodedOp.Illegal(i, 4),
        };
    }

    /// <summary>rm values 5 and 6 are reserved; 7 (dynamic) is checked against frm at execution.</summary>
    private static bool IsValidRm(int rm) => rm is not (5 or 6);

    private static DecodedOp FusedMultiplyAdd(Op op, uint i)
    {
        int fmt = (int)(i >> 25) & 3;
        int rm = (int)(i >> 12) & 7;
        if (fmt > 1 || !IsValidRm(rm))
            return DecodedOp.Illegal(i, 4);
        return Fp(op, (int)(i >> 7) & 31, (int)(i >> 15) & 31, (int)(i >> 20) & 31, (int)(i >> 27), rm, fmt);
    }

    private static DecodedOp DecodeOpFp(uint i, int rd, int rm, int rs1, int rs2, uint f7)
    {
        int fmt = (int)(f7 & 3);
        DecodedOp Bad() => DecodedOp.Illegal(i, 4);
        if (fmt > 1)
            return Bad();
        DecodedOp Arith(Op op) => IsValidRm(rm) ? Fp(op, rd, rs1, rs2, 0, rm, fmt) : Bad();
        DecodedOp ToInt(Op op) => Int(op, rd, rs1, rs2, fmt) with { Rm = (byte)rm };

        switch (f7 >> 2)
        {
            case 0x00: return Arith(Op.Fadd);
            case 0x01: return Arith(Op.Fsub);
            case 0x02: return Arith(Op.Fmul);
            case 0x03: return Arith(Op.Fdiv);
            case 0x0B: return rs2 == 0 ? Arith(Op.Fsqrt) : Bad();
            case 0x04:
                return rm switch { 0 => Arith(Op.Fsgnj), 1 => Arith(Op.Fsgnjn), 2 => Arith(Op.Fsgnjx), _ => Bad() };
            case 0x05:
                return rm switch { 0 => Arith(Op.Fmin), 1 => Arith(Op.Fmax), _ => Bad() };
            case 0x08:
                // FCVT.S.D has fmt S and rs2 = D; FCVT.D.S the reverse.
                return rs2 == 1 - fmt ? Arith(Op.FcvtFF) : Bad();
            case 0x14:
                return rm switch { 2 => ToInt(Op.Feq), 1 => ToInt(Op.Flt), 0 => ToInt(Op.Fle), _ => Bad() };
            case 0x18:
                return rs2 < 4 && IsValidRm(rm) ? ToInt(Op.FcvtIntFromFp) : Bad();
            case 0x1A:
                return rs2 < 4 ? Arith(Op.FcvtFpFromInt) : Bad();
            case 0x1C:
                return (rs2, rm) switch { (0, 0) => ToInt(Op.FmvXF), (0, 1) => ToInt(Op.Fclass), _ => Bad() };
            case 0x1E:
                return rs2 == 0 && rm == 0 ? Arith(Op.FmvFX) : Bad();
            default:
                return Bad();
        }
    }
}
