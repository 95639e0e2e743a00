namespace Timeshare.Kernel.Execution;

/// <summary>
/// What one <see cref="IExecutor.Run"/> did. Invariant: 0 &lt;= Work &lt;= Cycles &lt;= budget.
/// </summary>
/// <param name="Cycles">Simulated time the run took.</param>
/// <param name="Work">The part of it in which the program made progress (the rest was idle).</param>
public readonly record struct RunResult(long Cycles, long Work, StopReason Reason);
