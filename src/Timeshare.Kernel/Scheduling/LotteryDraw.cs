using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// One draw of a <see cref="Lottery"/>: winning ticket <paramref name="Ticket"/> out of
/// <paramref name="Total"/> tickets held by Ready processes, and who it went to.
/// </summary>
/// <param name="Winner">The process the ticket went to; null only when, under OSTEP's rules, nobody has won yet.</param>
/// <param name="Runs">The winner is dispatched; false for a void draw (OSTEP's rules only: the winner has exited).</param>
public readonly record struct LotteryDraw(long Ticket, long Total, Process? Winner, bool Runs);
