namespace Timeshare.Kernel.Workloads;

/// <summary>A workload that cannot be read; the message is one line naming the problem and where it is.</summary>
public sealed class WorkloadError(string message) : Exception(message);
