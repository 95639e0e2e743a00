namespace Timeshare.Kernel.Dispatch;

/// <summary>What happens when an I/O completion wakes a process.</summary>
public enum WakePolicy
{
    /// <summary>It joins the ready set and runs when the policy picks it.</summary>
    WaitTurn,
    /// <summary>It takes the CPU at once, preempting whoever runs there.</summary>
    RunAtOnce,
}
