using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class LoadStoreTests
{
    [Fact]
    public void LoadsSignOrZeroExtend()
    {
        var m = new TestMachine();
        m.Memory.WriteUInt64(TestMachine.DataBase, 0x8081_8283_8485_8687);
        m[1] = TestMachine.DataBase;
        m.RunToBreak(Lb(2, 1, 0), Lbu(3, 1, 0), Lh(4, 1, 0), Lhu(5, 1, 0), Lw(6, 1, 0), Lwu(7, 1, 0), Ld(8, 1, 0));
        Assert.Equal(0xFFFF_FFFF_FFFF_FF87UL, m[2]);
        Assert.Equal(0x87UL, m[3]);
        Assert.Equal(0xFFFF_FFFF_FFFF_8687UL, m[4]);
        Assert.Equal(0x8687UL, m[5]);
        Assert.Equal(0xFFFF_FFFF_8485_8687UL, m[6]);
        Assert.Equal(0x8485_8687UL, m[7]);
        Assert.Equal(0x8081_8283_8485_8687UL, m[8]);
    }

    [Fact]
    public void StoresWriteOnlyTheirWidth()
    {
        var m = new TestMachine();
        m[1] = TestMachine.DataBase;
        m[2] = 0x1122_3344_5566_7788;
        m.RunToBreak(Sd(2, 1, 0), Sb(0, 1, 0), Sh(0, 1, 2), Sw(2, 1, 8), Sd(2, 1, -8));
        Assert.Equal(0x1122_3344_0000_7700UL, m.Memory.ReadUInt64(TestMachine.DataBase));
        Assert.Equal(0x5566_7788UL, m.Memory.ReadUInt64(TestMachine.DataBase + 8));
        Assert.Equal(0x1122_3344_5566_7788UL, m.Memory.ReadUInt64(TestMachine.DataBase - 8));
    }

    [Fact]
    public void MisalignedAccessesAreTransparentEvenAcrossPages()
    {
        var m = new TestMachine();
        ulong address = TestMachine.DataBase + 4096 - 3;  // straddles a page boundary
        m[1] = address;
        m[2] = 0x0102_0304_0506_0708;
        m.RunToBreak(Sd(2, 1, 0), Ld(3, 1, 0), Lw(4, 1, 1), Lh(5, 1, 2));
        Assert.Equal(0x0102_0304_0506_0708UL, m[3]);
        Assert.Equal(0x0405_0607UL, m[4]);
        Assert.Equal(0x0506UL, m[5]);
        Assert.Equal(0x08, m.Memory.ReadByte(address));
        Assert.Equal(0x01, m.Memory.ReadByte(address + 7));
    }

    [Fact]
    public void AccessOutsideMemoryIsAnAccessFaultWithTheAddress()
    {
        var m = new TestMachine(64 * 1024);
        m[1] = 0x10000;
        Assert.Equal(StopReason.LoadAccessFault, m.RunCode(Ld(2, 1, 8)));
        Assert.Equal(0x10008UL, m.Hart.StopValue);
        Assert.Equal(TestMachine.CodeBase, m.Hart.Pc);
        Assert.Equal(StopReason.StoreAccessFault, m.RunCode(Sw(2, 1, 0)));
        Assert.Equal(0x10000UL, m.Hart.StopValue);
    }

    [Fact]
    public void StoreStraddlingTheEndOfMemoryWritesNothing()
    {
        var m = new TestMachine(64 * 1024);
        m[1] = 0x10000 - 4;
        m[2] = ulong.MaxValue;
        Assert.Equal(StopReason.StoreAccessFault, m.RunCode(Sd(2, 1, 0)));
        Assert.Equal(0x10000UL, m.Hart.StopValue);
        Assert.Equal(0u, m.Memory.ReadUInt32(0x10000 - 4));
    }

    [Fact]
    public void LoadIntoX0StillFaults()
    {
        var m = new TestMachine(64 * 1024);
        m[1] = 0x20000;
        Assert.Equal(StopReason.LoadAccessFault, m.RunCode(Lw(0, 1, 0)));
    }
}
