namespace Timeshare.Machine;

/// <summary>
/// Why <see cref="Hart.Run"/> returned. For every reason caused by an instruction
/// (everything except <see cref="BudgetExhausted"/> and <see cref="TimerInterrupt"/>)
/// <see cref="Hart.Pc"/> still points at that instruction, which has not retired, and
/// <see cref="Hart.StopValue"/> holds what RISC-V would put in stval.
/// </summary>
public enum StopReason
{
    /// <summary>The instruction budget given to <see cref="Hart.Run"/> was used up.</summary>
    BudgetExhausted,
    /// <summary>The <see cref="Devices.Timer"/> deadline was reached; the timer is now disarmed.</summary>
    TimerInterrupt,
    /// <summary>ECALL from user mode. StopValue = 0. The kernel advances Pc by 4 to resume after it.</summary>
    EnvironmentCall,
    /// <summary>EBREAK or C.EBREAK. StopValue = Pc.</summary>
    Breakpoint,
    /// <summary>Illegal or unsupported instruction. StopValue = the instruction bits (16 or 32 bits, zero-extended).</summary>
    IllegalInstruction,
    /// <summary>Instruction fetch page fault. StopValue = faulting virtual address.</summary>
    InstructionPageFault,
    /// <summary>Load (or LR) page fault. StopValue = faulting virtual address.</summary>
    LoadPageFault,
    /// <summary>Store, SC or AMO page fault. StopValue = faulting virtual address.</summary>
    StorePageFault,
    /// <summary>Instruction fetch outside physical memory (or a page-table walk that left it). StopValue = virtual address.</summary>
    InstructionAccessFault,
    /// <summary>Load outside physical memory. StopValue = virtual address.</summary>
    LoadAccessFault,
    /// <summary>Store/AMO outside physical memory. StopValue = virtual address.</summary>
    StoreAccessFault,
    /// <summary>Misaligned LR. Ordinary loads may be misaligned and never stop with this. StopValue = address.</summary>
    LoadAddressMisaligned,
    /// <summary>Misaligned SC or AMO. Ordinary stores may be misaligned. StopValue = address.</summary>
    StoreAddressMisaligned,
}
