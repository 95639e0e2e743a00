namespace Timeshare.Machine.Tests;

/// <summary>A tiny RV64GC assembler for tests: one method per instruction form, returning its encoding.</summary>
internal static class Asm
{
    public static uint R(uint opcode, int rd, int f3, int rs1, int rs2, int f7) =>
        opcode | (uint)rd << 7 | (uint)f3 << 12 | (uint)rs1 << 15 | (uint)rs2 << 20 | (uint)f7 << 25;

    public static uint I(uint opcode, int rd, int f3, int rs1, int imm) =>
        opcode | (uint)rd << 7 | (uint)f3 << 12 | (uint)rs1 << 15 | ((uint)imm & 0xFFF) << 20;

    public static uint S(uint opcode, int f3, int rs1, int rs2, int imm) =>
        opcode | ((uint)imm & 31) << 7 | (uint)f3 << 12 | (uint)rs1 << 15 | (uint)rs2 << 20 | (((uint)imm >> 5) & 0x7F) << 25;

    public static uint B(int f3, int rs1, int rs2, int offset)
    {
        uint u = (uint)offset;
        return 0x63 | ((u >> 11) & 1) << 7 | ((u >> 1) & 0xF) << 8 | (uint)f3 << 12 | (uint)rs1 << 15 | (uint)rs2 << 20
             | ((u >> 5) & 0x3F) << 25 | ((u >> 12) & 1) << 31;
    }

    public static uint U(uint opcode, int rd, int imm20) => opcode | (uint)rd << 7 | (uint)imm20 << 12;

    public static uint Jal(int rd, int offset)
    {
        uint u = (uint)offset;
        return 0x6F | (uint)rd << 7 | (u & 0xFF000) | ((u >> 11) & 1) << 20 | ((u >> 1) & 0x3FF) << 21 | ((u >> 20) & 1) << 31;
    }

    public static uint Lui(int rd, int imm20) => U(0x37, rd, imm20);
    public static uint Auipc(int rd, int imm20) => U(0x17, rd, imm20);
    public static uint Jalr(int rd, int rs1, int imm) => I(0x67, rd, 0, rs1, imm);

    public static uint Beq(int rs1, int rs2, int off) => B(0, rs1, rs2, off);
    public static uint Bne(int rs1, int rs2, int off) => B(1, rs1, rs2, off);
    public static uint Blt(int rs1, int rs2, int off) => B(4, rs1, rs2, off);
    public static uint Bge(int rs1, int rs2, int off) => B(5, rs1, rs2, off);
    public static uint Bltu(int rs1, int rs2, int off) => B(6, rs1, rs2, off);
    public static uint Bgeu(int rs1, int rs2, int off) => B(7, rs1, rs2, off);

    public static uint Lb(int rd, int rs1, int imm) => I(0x03, rd, 0, rs1, imm);
    public static uint Lh(int rd, int rs1, int imm) => I(0x03, rd, 1, rs1, imm);
    public static uint Lw(int rd, int rs1, int imm) => I(0x03, rd, 2, rs1, imm);
    public static uint Ld(int rd, int rs1, int imm) => I(0x03, rd, 3, rs1, imm);
    public static uint Lbu(int rd, int rs1, int imm) => I(0x03, rd, 4, rs1, imm);
    public static uint Lhu(int rd, int rs1, int imm) => I(0x03, rd, 5, rs1, imm);
    public static uint Lwu(int rd, int rs1, int imm) => I(0x03, rd, 6, rs1, imm);
    public static uint Sb(int rs2, int rs1, int imm) => S(0x23, 0, rs1, rs2, imm);
    public static uint Sh(int rs2, int rs1, int imm) => S(0x23, 1, rs1, rs2, imm);
    public static uint Sw(int rs2, int rs1, int imm) => S(0x23, 2, rs1, rs2, imm);
    public static uint Sd(int rs2, int rs1, int imm) => S(0x23, 3, rs1, rs2, imm);

    public static uint Addi(int rd, int rs1, int imm) => I(0x13, rd, 0, rs1, imm);
    public static uint Slti(int rd, int rs1, int imm) => I(0x13, rd, 2, rs1, imm);
    public static uint Sltiu(int rd, int rs1, int imm) => I(0x13, rd, 3, rs1, imm);
    public static uint Xori(int rd, int rs1, int imm) => I(0x13, rd, 4, rs1, imm);
    public static uint Ori(int rd, int rs1, int imm) => I(0x13, rd, 6, rs1, imm);
    public static uint Andi(int rd, int rs1, int imm) => I(0x13, rd, 7, rs1, imm);
    public static uint Slli(int rd, int rs1, int sh) => I(0x13, rd, 1, rs1, sh);
    public static uint Srli(int rd, int rs1, int sh) => I(0x13, rd, 5, rs1, sh);
    public static uint Srai(int rd, int rs1, int sh) => I(0x13, rd, 5, rs1, sh | 0x400);
    public static uint Addiw(int rd, int rs1, int imm) => I(0x1B, rd, 0, rs1, imm);
    public static uint Slliw(int rd, int rs1, int sh) => I(0x1B, rd, 1, rs1, sh);
    public static uint Srliw(int rd, int rs1, int sh) => I(0x1B, rd, 5, rs1, sh);
    public static uint Sraiw(int rd, int rs1, int sh) => I(0x1B, rd, 5, rs1, sh | 0x400);

    public static uint Add(int rd, int rs1, int rs2) => R(0x33, rd, 0, rs1, rs2, 0);
    public static uint Sub(int rd, int rs1, int rs2) => R(0x33, rd, 0, rs1, rs2, 0x20);
    public static uint Sll(int rd, int rs1, int rs2) => R(0x33, rd, 1, rs1, rs2, 0);
    public static uint Slt(int rd, int rs1, int rs2) => R(0x33, rd, 2, rs1, rs2, 0);
    public static uint Sltu(int rd, int rs1, int rs2) => R(0x33, rd, 3, rs1, rs2, 0);
    public static uint Xor(int rd, int rs1, int rs2) => R(0x33, rd, 4, rs1, rs2, 0);
    public static uint Srl(int rd, int rs1, int rs2) => R(0x33, rd, 5, rs1, rs2, 0);
    public static uint Sra(int rd, int rs1, int rs2) => R(0x33, rd, 5, rs1, rs2, 0x20);
    public static uint Or(int rd, int rs1, int rs2) => R(0x33, rd, 6, rs1, rs2, 0);
    public static uint And(int rd, int rs1, int rs2) => R(0x33, rd, 7, rs1, rs2, 0);
    public static uint Addw(int rd, int rs1, int rs2) => R(0x3B, rd, 0, rs1, rs2, 0);
    public static uint Subw(int rd, int rs1, int rs2) => R(0x3B, rd, 0, rs1, rs2, 0x20);
    public static uint Sllw(int rd, int rs1, int rs2) => R(0x3B, rd, 1, rs1, rs2, 0);
    public static uint Srlw(int rd, int rs1, int rs2) => R(0x3B, rd, 5, rs1, rs2, 0);
    public static uint Sraw(int rd, int rs1, int rs2) => R(0x3B, rd, 5, rs1, rs2, 0x20);

    public static uint Mul(int rd, int rs1, int rs2) => R(0x33, rd, 0, rs1, rs2, 1);
    public static uint Mulh(int rd, int rs1, int rs2) => R(0x33, rd, 1, rs1, rs2, 1);
    public static uint Mulhsu(int rd, int rs1, int rs2) => R(0x33, rd, 2, rs1, rs2, 1);
    public static uint Mulhu(int rd, int rs1, int rs2) => R(0x33, rd, 3, rs1, rs2, 1);
    public static uint Div(int rd, int rs1, int rs2) => R(0x33, rd, 4, rs1, rs2, 1);
    public static uint Divu(int rd, int rs1, int rs2) => R(0x33, rd, 5, rs1, rs2, 1);
    public static uint Rem(int rd, int rs1, int rs2) => R(0x33, rd, 6, rs1, rs2, 1);
    public static uint Remu(int rd, int rs1, int rs2) => R(0x33, rd, 7, rs1, rs2, 1);
    public static uint Mulw(int rd, int rs1, int rs2) => R(0x3B, rd, 0, rs1, rs2, 1);
    public static uint Divw(int rd, int rs1, int rs2) => R(0x3B, rd, 4, rs1, rs2, 1);
    public static uint Divuw(int rd, int rs1, int rs2) => R(0x3B, rd, 5, rs1, rs2, 1);
    public static uint Remw(int rd, int rs1, int rs2) => R(0x3B, rd, 6, rs1, rs2, 1);
    public static uint Remuw(int rd, int rs1, int rs2) => R(0x3B, rd, 7, rs1, rs2, 1);

    public const uint Ecall = 0x00000073;
    public const uint Ebreak = 0x00100073;
    public const uint Fence = 0x0FF0000F;
    public const uint FenceI = 0x0000100F;

    public static uint Csrrw(int rd, int csr, int rs1) => I(0x73, rd, 1, rs1, csr);
    public static uint Csrrs(int rd, int csr, int rs1) => I(0x73, rd, 2, rs1, csr);
    public static uint Csrrc(int rd, int csr, int rs1) => I(0x73, rd, 3, rs1, csr);
    public static uint Csrrwi(int rd, int csr, int uimm) => I(0x73, rd, 5, uimm, csr);
    public static uint Csrrsi(int rd, int csr, int uimm) => I(0x73, rd, 6, uimm, csr);
    public static uint Csrrci(int rd, int csr, int uimm) => I(0x73, rd, 7, uimm, csr);

    /// <summary>AMO with funct5 (size 2 = W, 3 = D); aq/rl left clear.</summary>
    public static uint Amo(int funct5, int size, int rd, int rs1, int rs2) => R(0x2F, rd, size, rs1, rs2, funct5 << 2);
    public static uint LrW(int rd, int rs1) => Amo(0x02, 2, rd, rs1, 0);
    public static uint LrD(int rd, int rs1) => Amo(0x02, 3, rd, rs1, 0);
    public static uint ScW(int rd, int rs1, int rs2) => Amo(0x03, 2, rd, rs1, rs2);
    public static uint ScD(int rd, int rs1, int rs2) => Amo(0x03, 3, rd, rs1, rs2);

    // Floating point. fmt: 0 = S, 1 = D. rm: 7 = dynamic.
    public static uint Flw(int rd, int rs1, int imm) => I(0x07, rd, 2, rs1, imm);
    public static uint Fld(int rd, int rs1, int imm) => I(0x07, rd, 3, rs1, imm);
    public static uint Fsw(int rs2, int rs1, int imm) => S(0x27, 2, rs1, rs2, imm);
    public static uint Fsd(int rs2, int rs1, int imm) => S(0x27, 3, rs1, rs2, imm);
    public static uint FpOp(int funct5, int fmt, int rd, int rs1, int rs2, int rm) => R(0x53, rd, rm, rs1, rs2, funct5 << 2 | fmt);
    public static uint Fma(uint opcode, int fmt, int rd, int rs1, int rs2, int rs3, int rm) =>
        opcode | (uint)rd << 7 | (uint)rm << 12 | (uint)rs1 << 15 | (uint)rs2 << 20 | (uint)fmt << 25 | (uint)rs3 << 27;
    public const uint FmaddOpcode = 0x43, FmsubOpcode = 0x47, FnmsubOpcode = 0x4B, FnmaddOpcode = 0x4F;

    public static uint Fadd(int fmt, int rd, int rs1, int rs2, int rm = 7) => FpOp(0x00, fmt, rd, rs1, rs2, rm);
    public static uint Fsub(int fmt, int rd, int rs1, int rs2, int rm = 7) => FpOp(0x01, fmt, rd, rs1, rs2, rm);
    public static uint Fmul(int fmt, int rd, int rs1, int rs2, int rm = 7) => FpOp(0x02, fmt, rd, rs1, rs2, rm);
    public static uint Fdiv(int fmt, int rd, int rs1, int rs2, int rm = 7) => FpOp(0x03, fmt, rd, rs1, rs2, rm);
    public static uint Fsqrt(int fmt, int rd, int rs1, int rm = 7) => FpOp(0x0B, fmt, rd, rs1, 0, rm);
    public static uint Fsgnj(int fmt, int rd, int rs1, int rs2) => FpOp(0x04, fmt, rd, rs1, rs2, 0);
    public static uint Fsgnjn(int fmt, int rd, int rs1, int rs2) => FpOp(0x04, fmt, rd, rs1, rs2, 1);
    public static uint Fsgnjx(int fmt, int rd, int rs1, int rs2) => FpOp(0x04, fmt, rd, rs1, rs2, 2);
    public static uint Fmin(int fmt, int rd, int rs1, int rs2) => FpOp(0x05, fmt, rd, rs1, rs2, 0);
    public static uint Fmax(int fmt, int rd, int rs1, int rs2) => FpOp(0x05, fmt, rd, rs1, rs2, 1);
    public static uint FcvtSD(int rd, int rs1, int rm = 7) => FpOp(0x08, 0, rd, rs1, 1, rm);
    public static uint FcvtDS(int rd, int rs1, int rm = 7) => FpOp(0x08, 1, rd, rs1, 0, rm);
    public static uint Feq(int fmt, int rd, int rs1, int rs2) => FpOp(0x14, fmt, rd, rs1, rs2, 2);
    public static uint Flt(int fmt, int rd, int rs1, int rs2) => FpOp(0x14, fmt, rd, rs1, rs2, 1);
    public static uint Fle(int fmt, int rd, int rs1, int rs2) => FpOp(0x14, fmt, rd, rs1, rs2, 0);
    /// <summary>kind: 0 W, 1 WU, 2 L, 3 LU.</summary>
    public static uint FcvtToInt(int fmt, int kind, int rd, int rs1, int rm = 7) => FpOp(0x18, fmt, rd, rs1, kind, rm);
    public static uint FcvtFromInt(int fmt, int kind, int rd, int rs1, int rm = 7) => FpOp(0x1A, fmt, rd, rs1, kind, rm);
    public static uint FmvXF(int fmt, int rd, int rs1) => FpOp(0x1C, fmt, rd, rs1, 0, 0);
    public static uint Fclass(int fmt, int rd, int rs1) => FpOp(0x1C, fmt, rd, rs1, 0, 1);
    public static uint FmvFX(int fmt, int rd, int rs1) => FpOp(0x1E, fmt, rd, rs1, 0, 0);
}
