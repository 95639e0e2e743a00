using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void SteadyStateExecutionAllocatesNothing()
    {
        var m = new TestMachine();
        m[1] = TestMachine.DataBase;
        m.Hart.WriteFpRegister(1, BitConverter.DoubleToUInt64Bits(1.1));
        // A loop touching the integer core, memory, atomics, CSRs and floating point.
        m.Load(TestMachine.CodeBase,
            Ld(2, 1, 0), Addi(2, 2, 3), Sd(2, 1, 0), Amo(0x00, 3, 3, 1, 2), Csrrs(4, 0xC00, 0),
            Fadd(1, 2, 1, 1), Fmul(1, 3, 2, 1, rm: 2), Fma(FmaddOpcode, 1, 4, 1, 2, 3, 1), FcvtToInt(1, 2, 5, 4),
            Divu(6, 2, 4), Jal(0, -40));
        // Warm up: decode everything and let tiered compilation settle (first calls and
        // tier promotion may allocate; steady state must not).
        for (int i = 0; i < 3; i++)
            m.Hart.Run(100_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        m.Hart.Run(100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(400_000L, m.Hart.Instret);
    }
}
