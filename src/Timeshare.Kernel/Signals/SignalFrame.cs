using System.Buffers.Binary;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Machine;

namespace Timeshare.Kernel.Signals;

/// <summary>
/// The frame a handler runs on, Linux's riscv64 struct rt_sigframe pushed
/// below the interrupted stack pointer:
/// <code>
///   0    siginfo_t (128 bytes)
///   128  ucontext: uc_flags, uc_link, uc_stack {sp, flags, size},
///   168            uc_sigmask (the mask to restore), 120 bytes unused,
///   304            uc_mcontext: pc, x1..x31 (256 bytes),
///   560                         f0..f31, fcsr (the 528-byte FP union)
///   1088 end (a multiple of 16, so sp stays 16-byte aligned)
/// </code>
/// The handler returns to <see cref="ReturnAddress"/>: an address never
/// mapped (the guard page above the stack), where fetching the next
/// instruction faults and the kernel makes it an rt_sigreturn, as the vDSO's
/// trampoline would.
/// </summary>
public static class SignalFrame
{
    public const int Size = 1088;
    /// <summary>The page between the stack's top and the end of user memory: nothing is ever mapped there.</summary>
    public const ulong ReturnAddress = ElfLoader.StackTop;

    private const int Ucontext = 128, Sigmask = Ucontext + 40, StackFlags = Ucontext + 24;
    private const int Registers = Ucontext + 176, FloatRegisters = Registers + 256, Fcsr = FloatRegisters + 256;
    private const int StackDisabled = 2;
    private const int Ra = 1, Sp = 2, A0 = 10, A1 = 11, A2 = 12;

    /// <summary>
    /// Saves <paramref name="context"/> and <paramref name="mask"/> in a frame
    /// on the user stack and points the context at the handler. False, and the
    /// context unchanged, if the stack cannot take the frame.
    /// </summary>
    public static bool Push(AddressSpace space, HartContext context, int signal, SignalInfo info, ulong mask, ulong handler)
    {
        var frame = (context.X[Sp] - Size) & ~15UL;
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        info.WriteTo(bytes, signal);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[StackFlags..], StackDisabled);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[Sigmask..], mask);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[Registers..], context.Pc);
        for (var i = 1; i < 32; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes[(Registers + 8 * i)..], context.X[i]);
        for (var i = 0; i < 32; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes[(FloatRegisters + 8 * i)..], context.F[i]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[Fcsr..], context.Fcsr);
        if (frame > context.X[Sp] || !space.TryWrite(frame, bytes)) return false;
        context.X[Sp] = frame;
        context.X[Ra] = ReturnAddress;
        context.X[A0] = (ulong)signal;
        context.X[A1] = frame;
        context.X[A2] = frame + Ucontext;
        context.Pc = handler;
        return true;
    }

    /// <summary>
    /// rt_sigreturn: reloads every register, the pc and the mask from the frame
    /// at sp. False, and the context unchanged, if the frame cannot be read.
    /// </summary>
    public static bool Pop(AddressSpace space, HartContext context, out ulong mask)
    {
        Span<byte> bytes = stackalloc byte[Size];
        mask = 0;
        if (!space.TryRead(context.X[Sp], bytes)) return false;
        mask = BinaryPrimitives.ReadUInt64LittleEndian(bytes[Sigmask..]);
        context.Pc = BinaryPrimitives.ReadUInt64LittleEndian(bytes[Registers..]);
        for (var i = 1; i < 32; i++) context.X[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(Registers + 8 * i)..]);
        for (var i = 0; i < 32; i++) context.F[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(FloatRegisters + 8 * i)..]);
        context.Fcsr = BinaryPrimitives.ReadUInt32LittleEndian(bytes[Fcsr..]) & 0xff;
        return true;
    }
}
