namespace Timeshare.Kernel.Execution;

/// <summary>Why an executor handed the CPU back to the kernel.</summary>
public enum StopReason
{
    /// <summary>The budget ran out with work left: the timer interrupt.</summary>
    SliceExpired,
    /// <summary>The program has nothing left to run; the kernel reaps it at its next entry.</summary>
    Finished,
    /// <summary>The program asks the kernel for a service: see <see cref="IExecutor.PendingCall"/>.</summary>
    Call,
}
