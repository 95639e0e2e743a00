namespace Timeshare.Kernel.Metrics;

/// <summary>One process's times, in ticks. Wait is time spent Ready.</summary>
public readonly record struct ProcessMetrics(
    int Pid, string Name, long Arrival, long FirstRun, long Finish,
    long Turnaround, long Response, long Wait, long Cpu, long Blocked, int ContextSwitches);
