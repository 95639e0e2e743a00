namespace Timeshare.Kernel.Scheduling;

/// <summary>A policy cannot schedule this workload (say, SJF with a job of unknown length); the message is one line.</summary>
public sealed class PolicyError(string message) : Exception(message);
