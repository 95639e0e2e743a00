using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class AtomicTests
{
    private const ulong Addr = TestMachine.DataBase;

    private static TestMachine WithData(ulong value)
    {
        var m = new TestMachine();
        m.Memory.WriteUInt64(Addr, value);
        m[1] = Addr;
        return m;
    }

    [Fact]
    public void LrScSucceedsOnReservedAddress()
    {
        var m = WithData(41);
        m[3] = 99;
        m.RunToBreak(LrD(2, 1), Addi(2, 2, 1), ScD(4, 1, 2));
        Assert.Equal(0UL, m[4]);
        Assert.Equal(42UL, m.Memory.ReadUInt64(Addr));
    }

    [Fact]
    public void ScWithoutReservationFailsAndDoesNotStore()
    {
        var m = WithData(41);
        m[2] = 7;
        m.RunToBreak(ScD(4, 1, 2));
        Assert.Equal(1UL, m[4]);
        Assert.Equal(41UL, m.Memory.ReadUInt64(Addr));
    }

    [Fact]
    public void ScClearsTheReservationSoASecondScFails()
    {
        var m = WithData(0);
        m[2] = 5;
        m.RunToBreak(LrW(3, 1), ScW(4, 1, 2), ScW(5, 1, 2));
        Assert.Equal(0UL, m[4]);
        Assert.Equal(1UL, m[5]);
    }

    [Fact]
    public void ScToAnotherAddressFails()
    {
        var m = WithData(0);
        m[6] = Addr + 8;
        m.RunToBreak(LrD(3, 1), ScD(4, 6, 2));
        Assert.Equal(1UL, m[4]);
    }

    [Fact]
    public void RestoringAContextDropsTheReservation()
    {
        var m = WithData(0);
        Assert.Equal(StopReason.Breakpoint, m.RunCode(LrD(3, 1), Ebreak, ScD(4, 1, 2), Ebreak));
        var context = new HartContext();
        m.Hart.SaveContext(context);
        m.Hart.RestoreContext(context);
        m.Hart.Pc += 4;
        Assert.Equal(StopReason.Breakpoint, m.Hart.Run(10));
        Assert.Equal(1UL, m[4]);
    }

    [Fact]
    public void LrWSignExtends()
    {
        var m = WithData(0x8000_0000);
        m.RunToBreak(LrW(2, 1));
        Assert.Equal(0xFFFF_FFFF_8000_0000UL, m[2]);
    }

    [Theory]
    [InlineData(0x00, 3, 5UL, 3UL, 8UL)]                              // amoadd.d
    [InlineData(0x01, 3, 5UL, 3UL, 3UL)]                              // amoswap.d
    [InlineData(0x04, 3, 0b1100UL, 0b1010UL, 0b0110UL)]               // amoxor.d
    [InlineData(0x08, 3, 0b1100UL, 0b1010UL, 0b1110UL)]               // amoor.d
    [InlineData(0x0C, 3, 0b1100UL, 0b1010UL, 0b1000UL)]               // amoand.d
    [InlineData(0x10, 3, ulong.MaxValue, 1UL, ulong.MaxValue)]        // amomin.d: -1 < 1
    [InlineData(0x14, 3, ulong.MaxValue, 1UL, 1UL)]                   // amomax.d
    [InlineData(0x18, 3, ulong.MaxValue, 1UL, 1UL)]                   // amominu.d
    [InlineData(0x1C, 3, ulong.MaxValue, 1UL, ulong.MaxValue)]        // amomaxu.d
    [InlineData(0x00, 2, 0x7FFF_FFFFUL, 1UL, 0x8000_0000UL)]          // amoadd.w wraps in 32 bits
    [InlineData(0x10, 2, 0x8000_0000UL, 1UL, 0x8000_0000UL)]          // amomin.w: negative word is smaller
    [InlineData(0x18, 2, 0x8000_0000UL, 1UL, 1UL)]                    // amominu.w
    [InlineData(0x14, 2, 0x1_0000_0001UL, 2UL, 2UL)]                  // amomax.w ignores upper memory bits
    public void AmoComputesAndReturnsOldValue(int funct5, int size, ulong memory, ulong operand, ulong stored)
    {
        var m = WithData(memory);
        m[2] = operand;
        m.RunToBreak(Amo(funct5, size, 3, 1, 2));
        if (size == 3)
        {
            Assert.Equal(stored, m.Memory.ReadUInt64(Addr));
            Assert.Equal(memory, m[3]);
        }
        else
        {
            Assert.Equal((uint)stored, m.Memory.ReadUInt32(Addr));
            Assert.Equal((uint)(memory >> 32), m.Memory.ReadUInt32(Addr + 4)); // upper word untouched
            Assert.Equal((ulong)(long)(int)(uint)memory, m[3]);                // old value sign-extended
        }
    }

    [Fact]
    public void AmoWithRdEqualRs2UsesOldOperand()
    {
        var m = WithData(10);
        m[2] = 5;
        m.RunToBreak(Amo(0x00, 3, 2, 1, 2));
        Assert.Equal(10UL, m[2]);
        Assert.Equal(15UL, m.Memory.ReadUInt64(Addr));
    }

    [Fact]
    public void MisalignedAtomicsStop()
    {
        var m = WithData(0);
        m[1] = Addr + 4;
        Assert.Equal(StopReason.StoreAddressMisaligned, m.RunCode(Amo(0x00, 3, 3, 1, 2)));
        Assert.Equal(Addr + 4, m.Hart.StopValue);
        m[1] = Addr + 2;
        Assert.Equal(StopReason.LoadAddressMisaligned, m.RunCode(LrW(3, 1)));
        Assert.Equal(StopReason.StoreAddressMisaligned, m.RunCode(ScW(3, 1, 2)));
    }
}
