namespace Timeshare.Ostep.SchedLottery;

/// <summary>A job of the reference: its length in ticks and its tickets, either of which may be zero or negative there.</summary>
public readonly record struct LotteryJob(int Length, int Tickets);
