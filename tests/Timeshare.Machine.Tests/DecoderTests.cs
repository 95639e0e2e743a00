using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Tests;

public sealed class DecoderTests
{
    /// <summary>One encoding of every RV64GC base instruction, assembled by llvm-mc.</summary>
    public static TheoryData<uint, string> Instructions => new()
    {
        { 0x12345537u, nameof(Op.Lui) }, // lui a0, 0x12345
        { 0x12345517u, nameof(Op.Auipc) }, // auipc a0, 0x12345
        { 0x001000EFu, nameof(Op.Jal) }, // jal ra, 2048
        { 0x010500E7u, nameof(Op.Jalr) }, // jalr ra, 16(a0)
        { 0x00B50863u, nameof(Op.Beq) }, // beq a0, a1, 16
        { 0x00B51863u, nameof(Op.Bne) }, // bne a0, a1, 16
        { 0x00B54863u, nameof(Op.Blt) }, // blt a0, a1, 16
        { 0x00B55863u, nameof(Op.Bge) }, // bge a0, a1, 16
        { 0x00B56863u, nameof(Op.Bltu) }, // bltu a0, a1, 16
        { 0x00B57863u, nameof(Op.Bgeu) }, // bgeu a0, a1, 16
        { 0xFFF58503u, nameof(Op.Lb) }, // lb a0, -1(a1)
        { 0xFFF59503u, nameof(Op.Lh) }, // lh a0, -1(a1)
        { 0xFFF5A503u, nameof(Op.Lw) }, // lw a0, -1(a1)
        { 0xFFF5B503u, nameof(Op.Ld) }, // ld a0, -1(a1)
        { 0xFFF5C503u, nameof(Op.Lbu) }, // lbu a0, -1(a1)
        { 0xFFF5D503u, nameof(Op.Lhu) }, // lhu a0, -1(a1)
        { 0xFFF5E503u, nameof(Op.Lwu) }, // lwu a0, -1(a1)
        { 0xFEA58FA3u, nameof(Op.Sb) }, // sb a0, -1(a1)
        { 0xFEA59FA3u, nameof(Op.Sh) }, // sh a0, -1(a1)
        { 0xFEA5AFA3u, nameof(Op.Sw) }, // sw a0, -1(a1)
        { 0xFEA5BFA3u, nameof(Op.Sd) }, // sd a0, -1(a1)
        { 0x80058513u, nameof(Op.Addi) }, // addi a0, a1, -2048
        { 0x7FF5A513u, nameof(Op.Slti) }, // slti a0, a1, 2047
        { 0x0015B513u, nameof(Op.Sltiu) }, // sltiu a0, a1, 1
        { 0xFFF5C513u, nameof(Op.Xori) }, // xori a0, a1, -1
        { 0x0015E513u, nameof(Op.Ori) }, // ori a0, a1, 1
        { 0x0015F513u, nameof(Op.Andi) }, // andi a0, a1, 1
        { 0x03F59513u, nameof(Op.Slli) }, // slli a0, a1, 63
        { 0x03F5D513u, nameof(Op.Srli) }, // srli a0, a1, 63
        { 0x43F5D513u, nameof(Op.Srai) }, // srai a0, a1, 63
        { 0x00C58533u, nameof(Op.Add) }, // add a0, a1, a2
        { 0x40C58533u, nameof(Op.Sub) }, // sub a0, a1, a2
        { 0x00C59533u, nameof(Op.Sll) }, // sll a0, a1, a2
        { 0x00C5A533u, nameof(Op.Slt) }, // slt a0, a1, a2
        { 0x00C5B533u, nameof(Op.Sltu) }, // sltu a0, a1, a2
        { 0x00C5C533u, nameof(Op.Xor) }, // xor a0, a1, a2
        { 0x00C5D533u, nameof(Op.Srl) }, // srl a0, a1, a2
        { 0x40C5D533u, nameof(Op.Sra) }, // sra a0, a1, a2
        { 0x00C5E533u, nameof(Op.Or) }, // or a0, a1, a2
        { 0x00C5F533u, nameof(Op.And) }, // and a0, a1, a2
        { 0xFFF5851Bu, nameof(Op.Addiw) }, // addiw a0, a1, -1
        { 0x01F5951Bu, nameof(Op.Slliw) }, // slliw a0, a1, 31
        { 0x01F5D51Bu, nameof(Op.Srliw) }, // srliw a0, a1, 31
        { 0x41F5D51Bu, nameof(Op.Sraiw) }, // sraiw a0, a1, 31
        { 0x00C5853Bu, nameof(Op.Addw) }, // addw a0, a1, a2
        { 0x40C5853Bu, nameof(Op.Subw) }, // subw a0, a1, a2
        { 0x00C5953Bu, nameof(Op.Sllw) }, // sllw a0, a1, a2
        { 0x00C5D53Bu, nameof(Op.Srlw) }, // srlw a0, a1, a2
        { 0x40C5D53Bu, nameof(Op.Sraw) }, // sraw a0, a1, a2
        { 0x02C58533u, nameof(Op.Mul) }, // mul a0, a1, a2
        { 0x02C59533u, nameof(Op.Mulh) }, // mulh a0, a1, a2
        { 0x02C5A533u, nameof(Op.Mulhsu) }, // mulhsu a0, a1, a2
        { 0x02C5B533u, nameof(Op.Mulhu) }, // mulhu a0, a1, a2
        { 0x02C5C533u, nameof(Op.Div) }, // div a0, a1, a2
        { 0x02C5D533u, nameof(Op.Divu) }, // divu a0, a1, a2
        { 0x02C5E533u, nameof(Op.Rem) }, // rem a0, a1, a2
        { 0x02C5F533u, nameof(Op.Remu) }, // remu a0, a1, a2
        { 0x02C5853Bu, nameof(Op.Mulw) }, // mulw a0, a1, a2
        { 0x02C5C53Bu, nameof(Op.Divw) }, // divw a0, a1, a2
        { 0x02C5D53Bu, nameof(Op.Divuw) }, // divuw a0, a1, a2
        { 0x02C5E53Bu, nameof(Op.Remw) }, // remw a0, a1, a2
        { 0x02C5F53Bu, nameof(Op.Remuw) }, // remuw a0, a1, a2
        { 0x0330000Fu, nameof(Op.Fence) }, // fence rw, rw
        { 0x8330000Fu, nameof(Op.Fence) }, // fence.tso
        { 0x0000100Fu, nameof(Op.FenceI) }, // fence.i
        { 0x00000073u, nameof(Op.Ecall) }, // ecall
        { 0x00100073u, nameof(Op.Ebreak) }, // ebreak
        { 0x00359573u, nameof(Op.Csrrw) }, // csrrw a0, fcsr, a1
        { 0x0015A573u, nameof(Op.Csrrs) }, // csrrs a0, fflags, a1
        { 0x0025B573u, nameof(Op.Csrrc) }, // csrrc a0, frm, a1
        { 0x0032D573u, nameof(Op.Csrrwi) }, // csrrwi a0, fcsr, 5
        { 0x0032E573u, nameof(Op.Csrrsi) }, // csrrsi a0, fcsr, 5
        { 0x0032F573u, nameof(Op.Csrrci) }, // csrrci a0, fcsr, 5
        { 0x1405A52Fu, nameof(Op.Lr) }, // lr.w.aq a0, (a1)
        { 0x1005B52Fu, nameof(Op.Lr) }, // lr.d a0, (a1)
        { 0x1AC5B52Fu, nameof(Op.Sc) }, // sc.d.rl a0, a2, (a1)
        { 0x08C5A52Fu, nameof(Op.Amo) }, // amoswap.w a0, a2, (a1)
        { 0x00C5B52Fu, nameof(Op.Amo) }, // amoadd.d a0, a2, (a1)
        { 0x20C5A52Fu, nameof(Op.Amo) }, // amoxor.w a0, a2, (a1)
        { 0x60C5B52Fu, nameof(Op.Amo) }, // amoand.d a0, a2, (a1)
        { 0x40C5A52Fu, nameof(Op.Amo) }, // amoor.w a0, a2, (a1)
        { 0x80C5B52Fu, nameof(Op.Amo) }, // amomin.d a0, a2, (a1)
        { 0xA0C5A52Fu, nameof(Op.Amo) }, // amomax.w a0, a2, (a1)
        { 0xC0C5B52Fu, nameof(Op.Amo) }, // amominu.d a0, a2, (a1)
        { 0xE6C5A52Fu, nameof(Op.Amo) }, // amomaxu.w.aqrl a0, a2, (a1)
        { 0x0085A507u, nameof(Op.Flw) }, // flw fa0, 8(a1)
        { 0x0085B507u, nameof(Op.Fld) }, // fld fa0, 8(a1)
        { 0x00A5A427u, nameof(Op.Fsw) }, // fsw fa0, 8(a1)
        { 0x00A5B427u, nameof(Op.Fsd) }, // fsd fa0, 8(a1)
        { 0x68C5F543u, nameof(Op.Fmadd) }, // fmadd.s fa0, fa1, fa2, fa3
        { 0x6AC5A547u, nameof(Op.Fmsub) }, // fmsub.d fa0, fa1, fa2, fa3, rdn
        { 0x68C5B54Bu, nameof(Op.Fnmsub) }, // fnmsub.s fa0, fa1, fa2, fa3, rup
        { 0x6AC5C54Fu, nameof(Op.Fnmadd) }, // fnmadd.d fa0, fa1, fa2, fa3, rmm
        { 0x00C5F553u, nameof(Op.Fadd) }, // fadd.s fa0, fa1, fa2
        { 0x0AC59553u, nameof(Op.Fsub) }, // fsub.d fa0, fa1, fa2, rtz
        { 0x10C5F553u, nameof(Op.Fmul) }, // fmul.s fa0, fa1, fa2
        { 0x1AC5F553u, nameof(Op.Fdiv) }, // fdiv.d fa0, fa1, fa2
        { 0x5805F553u, nameof(Op.Fsqrt) }, // fsqrt.s fa0, fa1
        { 0x22C58553u, nameof(Op.Fsgnj) }, // fsgnj.d fa0, fa1, fa2
        { 0x20C59553u, nameof(Op.Fsgnjn) }, // fsgnjn.s fa0, fa1, fa2
        { 0x22C5A553u, nameof(Op.Fsgnjx) }, // fsgnjx.d fa0, fa1, fa2
        { 0x28C58553u, nameof(Op.Fmin) }, // fmin.s fa0, fa1, fa2
        { 0x2AC59553u, nameof(Op.Fmax) }, // fmax.d fa0, fa1, fa2
        { 0x4015F553u, nameof(Op.FcvtFF) }, // fcvt.s.d fa0, fa1
        { 0x42058553u, nameof(Op.FcvtFF) }, // fcvt.d.s fa0, fa1
        { 0xA0C5A553u, nameof(Op.Feq) }, // feq.s a0, fa1, fa2
        { 0xA2C59553u, nameof(Op.Flt) }, // flt.d a0, fa1, fa2
        { 0xA0C58553u, nameof(Op.Fle) }, // fle.s a0, fa1, fa2
        { 0xE2059553u, nameof(Op.Fclass) }, // fclass.d a0, fa1
        { 0xC0059553u, nameof(Op.FcvtIntFromFp) }, // fcvt.w.s a0, fa1, rtz
        { 0xC215F553u, nameof(Op.FcvtIntFromFp) }, // fcvt.wu.d a0, fa1
        { 0xC025F553u, nameof(Op.FcvtIntFromFp) }, // fcvt.l.s a0, fa1
        { 0xC235F553u, nameof(Op.FcvtIntFromFp) }, // fcvt.lu.d a0, fa1
        { 0xD005F553u, nameof(Op.FcvtFpFromInt) }, // fcvt.s.w fa0, a1
        { 0xD2158553u, nameof(Op.FcvtFpFromInt) }, // fcvt.d.wu fa0, a1
        { 0xD025F553u, nameof(Op.FcvtFpFromInt) }, // fcvt.s.l fa0, a1
        { 0xD235F553u, nameof(Op.FcvtFpFromInt) }, // fcvt.d.lu fa0, a1
        { 0xE0058553u, nameof(Op.FmvXF) }, // fmv.x.w a0, fa1
        { 0xE2058553u, nameof(Op.FmvXF) }, // fmv.x.d a0, fa1
        { 0xF0058553u, nameof(Op.FmvFX) }, // fmv.w.x fa0, a1
        { 0xF2058553u, nameof(Op.FmvFX) }, // fmv.d.x fa0, a1
    };

    [Theory]
    [MemberData(nameof(Instructions))]
    public void DecodesEveryInstruction(uint bits, string expected)
    {
        DecodedOp op = Decoder.Decode(bits);
        Assert.Equal(expected, op.Op.ToString());
        Assert.Equal(4, op.Len);
    }

    [Theory]
    [InlineData(0x04C5F553u)] // fadd with fmt H
    [InlineData(0x6EC5F543u)] // fmadd with fmt Q
    [InlineData(0x5815F553u)] // fsqrt with rs2 != 0
    [InlineData(0xC0459553u)] // fcvt.int with rs2 = 4
    [InlineData(0xE005A553u)] // fmv.x.w with funct3 2
    [InlineData(0x22C5B553u)] // fsgnj with funct3 3
    [InlineData(0x28C5A553u)] // fmin/fmax with funct3 2
    [InlineData(0xA0C5B553u)] // fcmp with funct3 3
    [InlineData(0x00C5D553u)] // fadd with reserved rm 5
    [InlineData(0x68C5E543u)] // fmadd with reserved rm 6
    [InlineData(0x4005F553u)] // fcvt.s.s
    [InlineData(0xF0158553u)] // fmv.w.x with rs2 != 0
    [InlineData(0x1015B52Fu)] // lr with rs2 != 0
    [InlineData(0x28C5B52Fu)] // AMO with undefined funct5
    [InlineData(0x08C5952Fu)] // AMO with width 16
    [InlineData(0x03F5951Bu)] // slliw with shamt[5]
    [InlineData(0x47F5D513u)] // srai with funct6 0x11
    [InlineData(0x07F59513u)] // slli with funct6 1
    [InlineData(0x010510E7u)] // jalr with funct3 1
    [InlineData(0xFFF5F503u)] // load with funct3 7
    [InlineData(0xFEA5FFA3u)] // store with funct3 4
    [InlineData(0x00B52863u)] // branch with funct3 2
    [InlineData(0x00859507u)] // flh (no Zfh)
    [InlineData(0x0035C573u)] // SYSTEM funct3 4
    [InlineData(0x42C58533u)] // OP funct7 0x21
    [InlineData(0x00008073u)] // ecall with rs1 != 0
    [InlineData(0x02C5953Bu)] // OP-32 M funct3 1
    public void RejectsReservedEncodings(uint bits)
    {
        DecodedOp op = Decoder.Decode(bits);
        Assert.Equal(Op.Illegal, op.Op);
        Assert.Equal((long)bits, op.Imm);
    }

    [Fact]
    public void ExtractsFieldsAndImmediates()
    {
        Assert.Equal(new DecodedOp(Op.Addi, 10, 11, 0, 0, 0, 4, -2048), Decoder.Decode(0x80058513)); // addi a0, a1, -2048
        Assert.Equal(-1L, Decoder.Decode(0xFFF58503).Imm);          // lb a0, -1(a1)
        Assert.Equal(-1L, Decoder.Decode(0xFEA58FA3).Imm);          // sb a0, -1(a1)
        Assert.Equal(16L, Decoder.Decode(0x00B50863).Imm);          // beq a0, a1, 16
        Assert.Equal(2048L, Decoder.Decode(0x001000EF).Imm);        // jal ra, 2048
        Assert.Equal(0x12345000L, Decoder.Decode(0x12345537).Imm);  // lui a0, 0x12345
        Assert.Equal(unchecked((int)0xFFFFF000), Decoder.Decode(0xFFFFF2B7).Imm); // lui t0, 0xfffff sign-extends
        DecodedOp fma = Decoder.Decode(0x6AC59543);                 // fmadd.d fa0, fa1, fa2, fa3, rtz
        Assert.Equal((10, 11, 12, 13, 1, 1L), (fma.Rd, fma.Rs1, fma.Rs2, fma.Rs3, fma.Rm, fma.Imm));
    }

    [Fact]
    public void WritesToX0GoToTheSinkRegister()
    {
        Assert.Equal(Decoder.SinkRegister, Decoder.Decode(Asm.Addi(0, 1, 1)).Rd);
        Assert.Equal(Decoder.SinkRegister, Decoder.Decode(Asm.Feq(1, 0, 1, 2)).Rd); // integer destination of an FP op
        Assert.Equal(0, Decoder.Decode(Asm.Fadd(1, 0, 1, 2)).Rd);                   // f0 is a real register
    }
}
