namespace Timeshare.Kernel.Metrics;

/// <summary>
/// One process's times, in ticks. Wait is time spent Ready. CpuShare is the
/// fraction of its time in the system that it had the CPU; Weight is what a
/// proportional-share policy divides by (1 for the others).
/// </summary>
public readonly record struct ProcessMetrics(
    int Pid, string Name, long Arrival, long FirstRun, long Finish,
    long Turnaround, long Response, long Wait, long Cpu, long Blocked, int ContextSwitches,
    double CpuShare, double Weight);
