namespace Timeshare.Kernel.Execution;

/// <summary>
/// Runs one process's program on a CPU for a budget and says why it stopped.
/// The kernel loop does not know which kind of program it drives.
/// </summary>
public interface IExecutor
{
    /// <summary>Runs for at most <paramref name="budget"/> cycles (budget &gt; 0).</summary>
    RunResult Run(long budget);

    /// <summary>True once the program has nothing left to run.</summary>
    bool IsFinished { get; }

    /// <summary>The request behind the last <see cref="StopReason.Call"/>.</summary>
    KernelCall PendingCall { get; }

    /// <summary>The executor for the child created by the pending fork call.</summary>
    IExecutor ForkChild();
}
