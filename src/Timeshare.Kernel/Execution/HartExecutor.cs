using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine;
using Trap = Timeshare.Machine.StopReason;

namespace Timeshare.Kernel.Execution;

/// <summary>
/// Runs a RISC-V program on the machine's hart. Its saved context is the
/// registers and pc (a <see cref="HartContext"/>) and its address space;
/// running restores both, and stopping saves the registers. One instruction
/// is one cycle. System calls a program can finish alone are served here;
/// exit goes to the kernel; a fault ends the program as its signal would.
/// </summary>
public sealed class HartExecutor(Hart hart, AddressSpace space, HartContext context, LinuxSyscalls syscalls) : IExecutor
{
    private const int SigIll = 4, SigTrap = 5, SigBus = 7, SigSegv = 11;

    public bool IsFinished => false;
    public KernelCall PendingCall { get; private set; }
    /// <summary>Why the program was ended by a fault, for the report; null if it was not.</summary>
    public string? Fault { get; private set; }

    public RunResult Run(long budget, int speed)
    {
        if (hart.Satp != space.Satp) hart.Satp = space.Satp;
        hart.RestoreContext(context);
        long used = 0;
        try
        {
            while (used < budget)
            {
                var before = hart.Instret;
                var reason = hart.Run(budget - used);
                used += hart.Instret - before;
                if (reason is Trap.BudgetExhausted or Trap.TimerInterrupt) break;
                used++; // the trapping instruction takes its cycle too
                if (reason != Trap.EnvironmentCall) return Ended(128 + Signal(reason), used, Describe(reason));
                var exit = syscalls.Serve(hart, space);
                if (exit is { } status) return Ended(status, used, null);
                hart.Pc += 4;
            }
            return new RunResult(used, used, StopReason.SliceExpired);
        }
        finally
        {
            hart.SaveContext(context);
        }
    }

    public IExecutor ForkChild() => throw new KernelBugException("fork of a RISC-V program is not supported yet");

    private RunResult Ended(int status, long used, string? fault)
    {
        Fault = fault;
        PendingCall = new KernelCall(CallKind.Exit, status);
        return new RunResult(used, used, StopReason.Call);
    }

    private string Describe(Trap reason) => $"{reason} at pc 0x{hart.Pc:x} (value 0x{hart.StopValue:x})";

    private static int Signal(Trap reason) => reason switch
    {
        Trap.IllegalInstruction => SigIll,
        Trap.Breakpoint => SigTrap,
        Trap.InstructionAccessFault or Trap.LoadAccessFault or Trap.StoreAccessFault => SigBus,
        _ => SigSegv,
    };
}
