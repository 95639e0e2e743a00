using Timeshare.Machine.Devices;
using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

public sealed class DeviceTests
{
    private static TestMachine Spinner()
    {
        var m = new TestMachine();
        m.Load(TestMachine.CodeBase, Addi(1, 1, 1), Jal(0, -4));
        return m;
    }

    [Fact]
    public void TimerFiresAfterTheQuantumAndDisarms()
    {
        var m = Spinner();
        m.Hart.Timer.Arm(100);
        Assert.Equal(StopReason.TimerInterrupt, m.Hart.Run(1_000_000));
        Assert.Equal(100L, m.Hart.Timer.Now);
        Assert.Equal(100L, m.Hart.Instret);
        Assert.False(m.Hart.Timer.IsArmed);
        Assert.Equal(StopReason.BudgetExhausted, m.Hart.Run(50));
        Assert.Equal(150L, m.Hart.Timer.Now);
    }

    [Fact]
    public void TimerDeadlineSpansSeveralRuns()
    {
        var m = Spinner();
        m.Hart.Timer.Arm(100);
        Assert.Equal(StopReason.BudgetExhausted, m.Hart.Run(60));
        Assert.Equal(StopReason.TimerInterrupt, m.Hart.Run(60));
        Assert.Equal(100L, m.Hart.Timer.Now);
    }

    [Fact]
    public void TimerWinsATieWithTheBudget()
    {
        var m = Spinner();
        m.Hart.Timer.Arm(10);
        Assert.Equal(StopReason.TimerInterrupt, m.Hart.Run(10));
    }

    [Fact]
    public void ExpiredTimerStopsBeforeAnyInstruction()
    {
        var m = Spinner();
        m.Hart.Timer.Arm(5);
        m.Hart.Timer.Advance(7); // e.g. the kernel charged a slow system call
        Assert.Equal(StopReason.TimerInterrupt, m.Hart.Run(100));
        Assert.Equal(0L, m.Hart.Instret);
    }

    [Fact]
    public void CapturingConsoleKeepsBytes()
    {
        var console = new CapturingConsole();
        IConsole sink = console;
        sink.Write("hi "u8);
        sink.Write("there"u8);
        Assert.Equal("hi there", console.Text);
        Assert.Equal(8, console.Bytes.Count);
    }

    [Fact]
    public void StreamConsoleForwardsBytes()
    {
        using var stream = new MemoryStream();
        new StreamConsole(stream).Write("ok"u8);
        Assert.Equal("ok"u8.ToArray(), stream.ToArray());
    }
}
