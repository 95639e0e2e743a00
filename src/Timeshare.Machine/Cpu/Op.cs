namespace Timeshare.Machine.Cpu;

/// <summary>
/// Operation of a pre-decoded instruction. Compressed instructions are expanded to the base
/// instruction they stand for, so each operation's semantics are written once.
/// </summary>
internal enum Op : ushort
{
    /// <summary>Slot not decoded yet; a fresh decode page is all zeros, so decoding is lazy.</summary>
    NotDecoded = 0,
    Illegal,
    /// <summary>A 32-bit instruction whose upper half lies on the next page: fetched and decoded every time, never cached.</summary>
    CrossPage,
    /// <summary>Not an instruction: the slot just past a decode page's last, where sequential execution leaves the page.</summary>
    PageEnd,

    Lui, Auipc, Jal, Jalr,
    Beq, Bne, Blt, Bge, Bltu, Bgeu,
    Lb, Lh, Lw, Ld, Lbu, Lhu, Lwu,
    Sb, Sh, Sw, Sd,
    Addi, Slti, Sltiu, Xori, Ori, Andi, Slli, Srli, Srai,
    Add, Sub, Sll, Slt, Sltu, Xor, Srl, Sra, Or, And,
    Addiw, Slliw, Srliw, Sraiw,
    Addw, Subw, Sllw, Srlw, Sraw,
    Mul, Mulh, Mulhsu, Mulhu, Div, Divu, Rem, Remu,
    Mulw, Divw, Divuw, Remw, Remuw,
    Fence, FenceI, Ecall, Ebreak,

    // Rare operations from here on are executed outside the hot switch.
    Csrrw, Csrrs, Csrrc, Csrrwi, Csrrsi, Csrrci,
    /// <summary>LR, SC, AMO*: Imm = access size (4 or 8), Rm = funct5 for AMOs.</summary>
    Lr, Sc, Amo,

    // Floating point: Imm = format (0 single, 1 double), Rm = rounding-mode field.
    Flw, Fld, Fsw, Fsd,
    Fmadd, Fmsub, Fnmsub, Fnmadd,
    Fadd, Fsub, Fmul, Fdiv, Fsqrt,
    Fsgnj, Fsgnjn, Fsgnjx, Fmin, Fmax,
    /// <summary>FCVT.S.D / FCVT.D.S: Imm = destination format.</summary>
    FcvtFF,
    Feq, Flt, Fle, Fclass,
    /// <summary>FCVT.{W,WU,L,LU}.fmt: Rs2 = integer kind (0 W, 1 WU, 2 L, 3 LU).</summary>
    FcvtIntFromFp,
    /// <summary>FCVT.fmt.{W,WU,L,LU}: Rs2 = integer kind.</summary>
    FcvtFpFromInt,
    FmvXF, FmvFX,
}
