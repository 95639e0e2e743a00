using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Events;

/// <summary>What one CPU did during one tick.</summary>
public enum CpuActivity
{
    /// <summary>No process on the CPU, or its owner is blocked holding it.</summary>
    Idle,
    /// <summary>The CPU paid the context-switch cost into <see cref="CpuTick.Process"/>.</summary>
    Switching,
    /// <summary><see cref="CpuTick.Process"/> was on the CPU but had nothing left to run.</summary>
    Stalled,
    /// <summary><see cref="CpuTick.Process"/> made progress.</summary>
    Working,
}

/// <param name="Call">When the work of the tick was a call into the kernel: which.</param>
public readonly record struct CpuTick(int Cpu, CpuActivity Activity, Process? Process, Execution.CallKind? Call = null);
