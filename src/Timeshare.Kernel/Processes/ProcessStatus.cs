namespace Timeshare.Kernel.Processes;

/// <summary>One line of ps: a snapshot of a process.</summary>
public readonly record struct ProcessStatus(
    int Pid, int ParentPid, string Name, ProcessState State, int Nice, int Tickets, long CpuTime, int ExitStatus)
{
    public static ProcessStatus Of(Process p) =>
        new(p.Pid, p.Parent?.Pid ?? 0, p.Name, p.State, p.Nice, p.Tickets, p.Time.Cpu, p.ExitStatus);
}
