namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A policy that plans by job length met a process that declared none. The
/// message is one line naming the policy and the process.
/// </summary>
public sealed class UndeclaredLengthError(string message) : Exception(message);
