using System.Buffers.Binary;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Signals;
using Timeshare.Machine;
using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Tests.Signals;

public class SignalFrameTests
{
    private const ulong StackBottom = 0x10000, StackTop = 0x20000;

    private static AddressSpace Stack()
    {
        var machine = new RiscvMachine(1 << 20);
        var space = new AddressSpace(machine.Memory, machine.Frames);
        space.Map(StackBottom, StackTop - StackBottom, PteFlags.Read | PteFlags.Write);
        return space;
    }

    private static HartContext Interrupted()
    {
        var context = new HartContext { Pc = 0x4242, Fcsr = 0x61 };
        for (var i = 1; i < 32; i++) context.X[i] = 0x1000 + (ulong)i;
        for (var i = 0; i < 32; i++) context.F[i] = 0x2000 + (ulong)i;
        context.X[2] = StackTop - 8;
        return context;
    }

    [Fact]
    public void Entering_a_handler_pushes_an_aligned_frame_and_passes_signal_info_and_context()
    {
        var space = Stack();
        var context = Interrupted();
        Assert.True(SignalFrame.Push(space, context, Signal.Usr1, new SignalInfo(SignalInfo.User, 9), mask: 0x5, handler: 0x9000));
        var frame = context.X[2];
        Assert.Equal(0UL, frame % 16);
        Assert.True(frame <= StackTop - 8 - SignalFrame.Size);
        Assert.Equal(0x9000UL, context.Pc);
        Assert.Equal(SignalFrame.ReturnAddress, context.X[1]);
        Assert.Equal((ulong)Signal.Usr1, context.X[10]);
        Assert.Equal(frame, context.X[11]);
        Span<byte> info = stackalloc byte[24];
        Assert.True(space.TryRead(frame, info));
        Assert.Equal(Signal.Usr1, BinaryPrimitives.ReadInt32LittleEndian(info));
        Assert.Equal(9, BinaryPrimitives.ReadInt32LittleEndian(info[16..]));
    }

    [Fact]
    public void Returning_from_the_handler_restores_every_register_and_the_mask()
    {
        var space = Stack();
        var context = Interrupted();
        var before = Interrupted();
        SignalFrame.Push(space, context, Signal.Usr1, default, mask: 0x5, handler: 0x9000);
        for (var i = 3; i < 32; i++) context.X[i] = 0xdead;
        Assert.True(SignalFrame.Pop(space, context, out var mask));
        Assert.Equal(0x5UL, mask);
        Assert.Equal(before.Pc, context.Pc);
        Assert.Equal(before.X, context.X);
        Assert.Equal(before.F, context.F);
        Assert.Equal(before.Fcsr, context.Fcsr);
    }

    [Fact]
    public void A_stack_that_cannot_take_the_frame_leaves_the_context_alone()
    {
        var space = Stack();
        var context = Interrupted();
        context.X[2] = StackBottom + 64;
        Assert.False(SignalFrame.Push(space, context, Signal.Usr1, default, 0, 0x9000));
        Assert.Equal(0x4242UL, context.Pc);
        context.X[2] = 0x100;
        Assert.False(SignalFrame.Pop(space, context, out _));
        Assert.Equal(0x4242UL, context.Pc);
    }
}
