using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

/// <summary>ECALL/EBREAK, CSRs, illegal instructions, budgets and the context API.</summary>
public sealed class SystemTests
{
    [Fact]
    public void EcallStopsAtTheEcallWithoutRetiringIt()
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.EnvironmentCall, m.RunCode(Addi(17, 0, 64), Ecall, Addi(5, 0, 1), Ebreak));
        Assert.Equal(TestMachine.CodeBase + 4, m.Hart.Pc);
        Assert.Equal(1L, m.Hart.Instret);
        Assert.Equal(64UL, m[17]);
        // The kernel resumes after the ecall by advancing pc.
        m.Hart.Pc += 4;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(100));
        Assert.Equal(1UL, m[5]);
    }

    [Fact]
    public void EbreakReportsItsAddress()
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.Breakpoint, m.RunCode(Addi(0, 0, 0), Ebreak));
        Assert.Equal(TestMachine.CodeBase + 4, m.Hart.StopValue);
    }

    [Theory]
    [InlineData(0x00000000u)]            // all zeros
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x30200073u)]            // mret: not in user mode
    [InlineData(0x12000073u)]            // sfence.vma: not executed by user code
    [InlineData(0x0000A00Fu)]            // MISC-MEM funct3 2
    [InlineData(0x0400D033u)]            // OP with reserved funct7 = 2
    [InlineData(0x0000100Bu)]            // custom-0 opcode
    public void IllegalInstructionReportsItsBits(uint bits)
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(bits));
        Assert.Equal(bits, m.Hart.StopValue);
        Assert.Equal(TestMachine.CodeBase, m.Hart.Pc);
    }

    [Fact]
    public void BudgetStopsAfterExactlyThatManyInstructions()
    {
        var m = new TestMachine();
        m.Load(TestMachine.CodeBase, Addi(1, 1, 1), Jal(0, -4));
        Assert.Equal(StopReason.BudgetExhausted, m.Hart.Run(1001));
        Assert.Equal(501UL, m[1]);
        Assert.Equal(1001L, m.Hart.Instret);
        Assert.Equal(1001L, m.Hart.Timer.Now);
        Assert.Equal(TestMachine.CodeBase + 4, m.Hart.Pc);
        Assert.Equal(StopReason.BudgetExhausted, m.Hart.Run(0));
        Assert.Equal(1001L, m.Hart.Instret);
    }

    [Fact]
    public void CountersReadCyclesAndInstret()
    {
        var m = new TestMachine();
        m.Hart.Timer.Advance(1000);
        m.Hart.Instret = 50;
        m.RunToBreak(Addi(0, 0, 0), Csrrs(1, 0xC00, 0), Csrrs(2, 0xC01, 0), Csrrs(3, 0xC02, 0));
        Assert.Equal(1001UL, m[1]);
        Assert.Equal(1002UL, m[2]);
        Assert.Equal(53UL, m[3]);
    }

    [Fact]
    public void WritingACounterIsIllegal()
    {
        var m = new TestMachine();
        m[1] = 5;
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Csrrw(0, 0xC00, 1)));
        Assert.Equal(Csrrw(0, 0xC00, 1), m.Hart.StopValue);
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Csrrs(2, 0xC02, 1)));
    }

    [Fact]
    public void UnknownCsrIsIllegal()
    {
        var m = new TestMachine();
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Csrrs(1, 0x300, 0))); // mstatus
        Assert.Equal(StopReason.IllegalInstruction, m.RunCode(Csrrs(1, 0x180, 0))); // satp
    }

    [Fact]
    public void FloatingPointCsrsReadAndWrite()
    {
        var m = new TestMachine();
        m[1] = 0xFF;
        m.RunToBreak(
            Csrrw(2, 0x003, 1),   // fcsr = 0xFF, x2 = old 0
            Csrrs(3, 0x001, 0),   // fflags -> 0x1F
            Csrrs(4, 0x002, 0),   // frm -> 7
            Csrrwi(5, 0x002, 1),  // frm = 1, x5 = 7
            Csrrci(6, 0x001, 3),  // fflags &= ~3, x6 = 0x1F
            Csrrsi(7, 0x003, 0),  // read fcsr without writing
            Csrrc(0, 0x001, 1));  // clear all flags (x1 = 0xFF)
        Assert.Equal(0UL, m[2]);
        Assert.Equal(0x1FUL, m[3]);
        Assert.Equal(7UL, m[4]);
        Assert.Equal(7UL, m[5]);
        Assert.Equal(0x1FUL, m[6]);
        Assert.Equal((1UL << 5) | 0x1C, m[7]);
        Assert.Equal(1u << 5, m.Hart.Fcsr);
    }

    [Fact]
    public void ContextSaveRestoreRoundTrips()
    {
        var m = new TestMachine();
        for (int i = 1; i < 32; i++)
        {
            m[i] = (ulong)i * 3;
            m.Hart.WriteFpRegister(i, (ulong)i << 40);
        }
        m.Hart.Pc = 0x4444;
        m.Hart.Fcsr = 0x65;
        var saved = new HartContext();
        m.Hart.SaveContext(saved);

        var other = new HartContext { Pc = 0x8888, Fcsr = 0 };
        other.X[0] = 77; // ignored: x0 stays zero
        m.Hart.RestoreContext(other);
        Assert.Equal(0UL, m[0]);
        Assert.Equal(0UL, m[5]);
        Assert.Equal(0x8888UL, m.Hart.Pc);

        m.Hart.RestoreContext(saved);
        for (int i = 1; i < 32; i++)
        {
            Assert.Equal((ulong)i * 3, m[i]);
            Assert.Equal((ulong)i << 40, m.Hart.ReadFpRegister(i));
        }
        Assert.Equal(0x4444UL, m.Hart.Pc);
        Assert.Equal(0x65u, m.Hart.Fcsr);
        Assert.Equal(0UL, saved.X[0]);
    }

    [Fact]
    public void FencesAreNoOps()
    {
        var m = new TestMachine();
        m.RunToBreak(Fence, FenceI, Addi(1, 0, 3));
        Assert.Equal(3UL, m[1]);
    }

    [Fact]
    public void FetchOutsideMemoryIsAnInstructionAccessFault()
    {
        var m = new TestMachine(64 * 1024);
        m.Hart.Pc = 0x20000;
        Assert.Equal(StopReason.InstructionAccessFault, m.Hart.Run(10));
        Assert.Equal(0x20000UL, m.Hart.StopValue);
    }

    [Fact]
    public void OddPcIsRejected()
    {
        var m = new TestMachine();
        Assert.Throws<ArgumentException>(() => m.Hart.Pc = 0x1001);
        Assert.Throws<ArgumentException>(() => m.Hart.RestoreContext(new HartContext { Pc = 3 }));
    }
}
