using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Events;

/// <summary>
/// One thing the kernel did. A flat value so that emitting one allocates
/// nothing; <see cref="Kind"/> says which fields carry meaning.
/// </summary>
public readonly record struct KernelEvent(
    long Time,
    EventKind Kind,
    int Pid,
    int Cpu = -1,
    ProcessState From = ProcessState.New,
    ProcessState To = ProcessState.New,
    Cause Cause = Cause.None,
    int Other = 0,
    long Value = 0);
