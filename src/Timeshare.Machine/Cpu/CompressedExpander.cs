namespace Timeshare.Machine.Cpu;

/// <summary>
/// Expands RV64C instructions into the 32-bit instructions they abbreviate, so the decoder and
/// the executor only know base instructions. Reserved encodings expand to 0, which is illegal.
/// </summary>
internal static class CompressedExpander
{
    private const uint Illegal = 0;

    public static uint Expand(ushort c)
    {
        uint x = c;
        uint f3 = x >> 13;
        uint rdFull = (x >> 7) & 31;      // rd/rs1 in CR/CI forms
        uint rs2Full = (x >> 2) & 31;     // rs2 in CR/CSS forms
        uint rdP = ((x >> 2) & 7) + 8;    // rd'/rs2' in CIW/CL/CS forms
        uint rs1P = ((x >> 7) & 7) + 8;   // rs1'/rd' in CL/CS/CB forms
        int imm6 = SignExtend(((x >> 7) & 0x20) | ((x >> 2) & 0x1F), 6);  // CI-form imm[5|4:0]
        uint uimm6 = ((x >> 7) & 0x20) | ((x >> 2) & 0x1F);               // CI-form shamt/uimm

        switch (x & 3)
        {
            case 0:
                switch (f3)
                {
                    case 0: // C.ADDI4SPN
                        uint nz = ((x >> 7) & 0x30) | ((x >> 1) & 0x3C0) | ((x >> 4) & 0x4) | ((x >> 2) & 0x8);
                        return nz == 0 ? Illegal : I(0x13, rdP, 0, 2, (int)nz);
                    case 1: return I(0x07, rdP, 3, rs1P, (int)LdOffset(x));   // C.FLD
                    case 2: return I(0x03, rdP, 2, rs1P, (int)LwOffset(x));   // C.LW
                    case 3: return I(0x03, rdP, 3, rs1P, (int)LdOffset(x));   // C.LD
                    case 5: return S(0x27, 3, rs1P, rdP, (int)LdOffset(x));   // C.FSD
                    case 6: return S(0x23, 2, rs1P, rdP, (int)LwOffset(x));   // C.SW
                    case 7: return S(0x23, 3, rs1P, rdP, (int)LdOffset(x));   // C.SD
                    default: return Illegal;
                }
            case 1:
                switch (f3)
                {
                    case 0: return I(0x13, rdFull, 0, rdFull, imm6);                          // C.ADDI / C.NOP
                    case 1: return rdFull == 0 ? Illegal : I(0x1B, rdFull, 0, rdFull, imm6);  // C.ADDIW
                    case 2: return I(0x13, rdFull, 0, 0, imm6);                               // C.LI
                    case 3:
                        if (rdFull == 2)
                        {
                            int sp = SignExtend(((x >> 3) & 0x200) | ((x >> 2) & 0x10) | ((x << 1) & 0x40) | ((x << 4) & 0x180) | ((x << 3) & 0x20), 10);
                            return sp == 0 ? Illegal : I(0x13, 2, 0, 2, sp);                 // C.ADDI16SP
                        }
                        return imm6 == 0 ? Illegal : U(0x37, rdFull, imm6 << 12);            // C.LUI
                    case 4:
                        switch ((x >> 10) & 3)
                        {
                            case 0: return I(0x13, rs1P, 5, rs1P, (int)uimm6);                // C.SRLI
                            case 1: return I(0x13, rs1P, 5, rs1P, (int)(uimm6 | 0x400));      // C.SRAI
                            case 2: return I(0x13, rs1P, 7, rs1P, imm6);                      // C.ANDI
                            default:
                                uint op = ((x >> 10) & 4) | ((x >> 5) & 3);                   // bit12 : bits 6:5
                                return op switch
                                {
                                    0 => R(0x33, rs1P, 0, rs1P, rdP, 0x20),  // C.SUB
                                    1 => R(0x33, rs1P, 4, rs1P, rdP, 0),     // C.XOR
                                    2 => R(0x33, rs1P, 6, rs1P, rdP, 0),     // C.OR
                                    3 => R(0x33, rs1P, 7, rs1P, rdP, 0),     // C.AND
                                    4 => R(0x3B, rs1P, 0, rs1P, rdP, 0x20),  // C.SUBW
                                    5 => R(0x3B, rs1P, 0, rs1P, rdP, 0),     // C.ADDW
                                    _ => Illegal,
                                };
                        }
                    case 5: return J(0, JumpOffset(x));                                       // C.J
                    case 6: return B(0, rs1P, 0, BranchOffset(x));                            // C.BEQZ
                    default: return B(1, rs1P, 0, BranchOffset(x));                           // C.BNEZ
                }
            case 2:
                switch (f3)
                {
                    case 0: return I(0x13, rdFull, 1, rdFull, (int)uimm6);                    // C.SLLI
                    case 1: return I(0x07, rdFull, 3, 2, (int)LdspOffset(x));                 // C.FLDSP
                    case 2:                                                                   // C.LWSP
                        uint lw = ((x >> 7) & 0x20) | ((x >> 2) & 0x1C) | ((x << 4) & 0xC0);
                        return rdFull == 0 ? Illegal : I(0x03, rdFull, 2, 2, (int)lw);
                    case 3: return rdFull == 0 ? Illegal : I(0x03, rdFull, 3, 2, (int)LdspOffset(x)); // C.LDSP
                    case 4:
                        if ((x & 0x1000) == 0)
                        {
                            if (rs2Full != 0)
                                return R(0x33, rdFull, 0, 0, rs2Full, 0);                    // C.MV
                            return rdFull == 0 ? Illegal : I(0x67, 0, 0, rdFull, 0);          // C.JR
                        }
                        if (rs2Full != 0)
                            return R(0x33, rdFull, 0, rdFull, rs2Full, 0);                   // C.ADD
                        return rdFull == 0 ? 0x00100073u : I(0x67, 1, 0, rdFull, 0);          // C.EBREAK / C.JALR
                    case 5: return S(0x27, 3, 2, rs2Full, (int)SdspOffset(x));                // C.FSDSP
                    case 6:                                                                   // C.SWSP
                        uint sw = ((x >> 7) & 0x3C) | ((x >> 1) & 0xC0);
                        return S(0x23, 2, 2, rs2Full, (int)sw);
                    default: return S(0x23, 3, 2, rs2Full, (int)SdspOffset(x));               // C.SDSP
                }
            default:
                return Illegal; // 32-bit instruction, not ours to expand
        }
    }

    private static int SignExtend(uint value, int bits) => (int)(value << (32 - bits)) >> (32 - bits);

    // uimm[5:3] = bits 12:10, uimm[7:6] = bits 6:5
    private static uint LdOffset(uint x) => ((x >> 7) & 0x38) | ((x << 1) & 0xC0);
    // uimm[5:3] = bits 12:10, uimm[2] = bit 6, uimm[6] = bit 5
    private static uint LwOffset(uint x) => ((x >> 7) & 0x38) | ((x >> 4) & 0x4) | ((x << 1) & 0x40);
    // uimm[5] = bit 12, uimm[4:3] = bits 6:5, uimm[8:6] = bits 4:2
    private static uint LdspOffset(uint x) => ((x >> 7) & 0x20) | ((x >> 2) & 0x18) | ((x << 4) & 0x1C0);
    // uimm[5:3] = bits 12:10, uimm[8:6] = bits 9:7
    private static uint SdspOffset(uint x) => ((x >> 7) & 0x38) | ((x >> 1) & 0x1C0);

    // imm[11|4|9:8|10|6|7|3:1|5] = bits 12..2
    private static int JumpOffset(uint x) => SignExtend(
        ((x >> 1) & 0x800) | ((x >> 7) & 0x10) | ((x >> 1) & 0x300) | ((x << 2) & 0x400) |
        ((x >> 1) & 0x40) | ((x << 1) & 0x80) | ((x >> 2) & 0xE) | ((x << 3) & 0x20), 12);

    // imm[8|4:3] = bits 12:10, imm[7:6|2:1|5] = bits 6:2
    private static int BranchOffset(uint x) => SignExtend(
        ((x >> 4) & 0x100) | ((x >> 7) & 0x18) | ((x << 1) & 0xC0) | ((x >> 2) & 0x6) | ((x << 3) & 0x20), 9);

    private static uint R(uint opcode, uint rd, uint f3, uint rs1, uint rs2, uint f7) =>
        opcode | (rd << 7) | (f3 << 12) | (rs1 << 15) | (rs2 << 20) | (f7 << 25);

    private static uint I(uint opcode, uint rd, uint f3, uint rs1, int imm) =>
        opcode | (rd << 7) | (f3 << 12) | (rs1 << 15) | ((uint)imm << 20);

    private static uint S(uint opcode, uint f3, uint rs1, uint rs2, int imm) =>
        opcode | (((uint)imm & 31) << 7) | (f3 << 12) | (rs1 << 15) | (rs2 << 20) | (((uint)imm >> 5) << 25);

    private static uint U(uint opcode, uint rd, int imm) => opcode | (rd << 7) | ((uint)imm & 0xFFFFF000);

    private static uint B(uint f3, uint rs1, uint rs2, int imm)
    {
        uint u = (uint)imm;
        return 0x63 | (((u >> 11) & 1) << 7) | (((u >> 1) & 0xF) << 8) | (f3 << 12) | (rs1 << 15) | (rs2 << 20)
             | (((u >> 5) & 0x3F) << 25) | (((u >> 12) & 1) << 31);
    }

    private static uint J(uint rd, int imm)
    {
        uint u = (uint)imm;
        return 0x6F | (rd << 7) | (u & 0xFF000) | (((u >> 11) & 1) << 20) | (((u >> 1) & 0x3FF) << 21) | (((u >> 20) & 1) << 31);
    }
}
