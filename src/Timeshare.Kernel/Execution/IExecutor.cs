namespace Timeshare.Kernel.Execution;

/// <summary>
/// Runs one process's program on a CPU for a budget and says why it stopped.
/// The kernel loop does not know which kind of program it drives.
/// </summary>
public interface IExecutor
{
    /// <summary>
    /// Runs for at most <paramref name="budget"/> cycles (budget &gt; 0) doing
    /// <paramref name="speed"/> units of work per tick (&gt;= 1): a warm cache
    /// makes the same time do more work. The kernel keeps the speed fixed
    /// within a call; a program whose speed cannot vary ignores it.
    /// </summary>
    RunResult Run(long budget, int speed);

    /// <summary>True once the program has nothing left to run.</summary>
    bool IsFinished { get; }

    /// <summary>The request behind the last <see cref="StopReason.Call"/>.</summary>
    KernelCall PendingCall { get; }

    /// <summary>The executor for the child created by the pending fork call.</summary>
    IExecutor ForkChild();
}
