using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Signals;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine;
using Trap = Timeshare.Machine.StopReason;

namespace Timeshare.Kernel.Execution;

/// <summary>
/// Runs a RISC-V program on the machine's hart. Its saved context is the
/// registers and pc (a <see cref="HartContext"/>) and its address space;
/// running restores both, and stopping saves the registers. One instruction
/// is one cycle. An ecall goes to the kernel as a system call, served from
/// the saved context; a fault becomes the signal Linux would send.
/// </summary>
public sealed class HartExecutor(Hart hart, AddressSpace space, HartContext context) : IExecutor, ISyscallContext
{
    private const int A0 = 10, A7 = 17;
    /// <summary>The address space's generation the hart's TLB last saw for this program.</summary>
    private long _seenGeneration;

    public bool IsFinished => false;
    public KernelCall PendingCall { get; private set; }
    /// <summary>Why the program was ended by a fault, for the report; null if it was not.</summary>
    public string? Fault { get; private set; }
    /// <summary>The address the last fault was about (the bad access, or the pc of a bad instruction): si_addr of its signal.</summary>
    internal ulong FaultAddress { get; private set; }

    public AddressSpace Space => space;
    /// <summary>The saved registers: current whenever the kernel runs, so signal delivery may rewrite them.</summary>
    internal HartContext Context => context;
    public ulong Number => context.X[A7];
    public ulong Argument(int index) => context.X[A0 + index];

    public void Return(long value)
    {
        context.X[A0] = (ulong)value;
        context.Pc += 4;
    }

    public RunResult Run(long budget, int speed)
    {
        // Writing satp flushes the TLB: needed on a switch, and after this program lost mappings.
        if (hart.Satp != space.Satp || _seenGeneration != space.Generation) hart.Satp = space.Satp;
        _seenGeneration = space.Generation;
        hart.RestoreContext(context);
        var before = hart.Instret;
        var reason = hart.Run(budget);
        hart.SaveContext(context);
        var used = hart.Instret - before;
        if (reason is Trap.BudgetExhausted or Trap.TimerInterrupt) return new RunResult(used, used, StopReason.SliceExpired);
        used++; // the trapping instruction takes its cycle too
        if (reason == Trap.EnvironmentCall)
        {
            PendingCall = new KernelCall(CallKind.Syscall);
            return new RunResult(used, used, StopReason.Call);
        }
        if (reason == Trap.InstructionPageFault && hart.StopValue == SignalFrame.ReturnAddress)
        {
            // A signal handler returned to the trampoline address: that is rt_sigreturn, which reloads every register.
            context.X[A7] = (ulong)SyscallNumber.RtSigreturn;
            PendingCall = new KernelCall(CallKind.Syscall);
            return new RunResult(used, used, StopReason.Call);
        }
        if (reason is Trap.InstructionPageFault or Trap.LoadPageFault or Trap.StorePageFault
            && space.TryResolveFault(hart.StopValue, store: reason == Trap.StorePageFault))
        {
            // The page is there (or is this program's own) now: the same instruction runs again next time.
            hart.Tlb.Flush(hart.StopValue);
            PendingCall = new KernelCall(CallKind.PageFault, Address: hart.StopValue);
            return new RunResult(used, used, StopReason.Call);
        }
        Fault = $"{reason} at pc 0x{hart.Pc:x} (value 0x{hart.StopValue:x})";
        FaultAddress = reason is Trap.IllegalInstruction or Trap.Breakpoint ? hart.Pc : hart.StopValue;
        PendingCall = new KernelCall(CallKind.Fault, Signal(reason));
        return new RunResult(used, used, StopReason.Call);
    }

    /// <summary>
    /// fork: the child gets a copy-on-write copy of the address space and the
    /// registers, and returns 0 from the system call where the parent returns
    /// the child's pid.
    /// </summary>
    public IExecutor ForkChild()
    {
        var copy = new HartContext { Pc = context.Pc + 4, Fcsr = context.Fcsr };
        context.X.CopyTo(copy.X, 0);
        context.F.CopyTo(copy.F, 0);
        copy.X[A0] = 0;
        return new HartExecutor(hart, space.Clone(), copy);
    }

    /// <summary>The program is gone (exit or exec): its memory goes back to the machine.</summary>
    public void Release() => space.Release();

    private static int Signal(Trap reason) => reason switch
    {
        Trap.IllegalInstruction => Signals.Signal.Ill,
        Trap.Breakpoint => Signals.Signal.Trap,
        Trap.InstructionAccessFault or Trap.LoadAccessFault or Trap.StoreAccessFault => Signals.Signal.Bus,
        _ => Signals.Signal.Segv,
    };
}
