using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>The processes an abstract run starts with.</summary>
public sealed record Workload(IReadOnlyList<ProcessSpec> Processes)
{
    /// <summary>Creates every process on <paramref name="kernel"/>, in order.</summary>
    /// <exception cref="WorkloadError">A process's affinity names a CPU the kernel does not have.</exception>
    public IReadOnlyList<Process> SpawnInto(Kernel kernel)
    {
        var cpus = kernel.Dispatcher.Processors.Count;
        foreach (var s in Processes)
            if (s.Affinity?.FirstOrDefault(c => c >= cpus, -1) is >= 0 and var cpu)
                throw new WorkloadError($"process {s.Name}: affinity names CPU {cpu}, but the CPUs are 0 to {cpus - 1}");
        return [.. Processes.Select(s => kernel.Spawn(s.Name, new ScriptExecutor(s.Script, kernel.CyclesPerTick), s.Arrival, s.Nice, s.Tickets, s.Length, s.Affinity, s.WorkingSet))];
    }

    /// <summary>The workload `timeshare run` shows with no file: CPU hogs beside I/O-bound jobs, one that forks.</summary>
    public static Workload BuiltIn => new([
        new ProcessSpec("editor", Shorthand.Program("c1,i,c1,i,c1,i,c1")),
        new ProcessSpec("compiler", Shorthand.Program("c6,i,c6")),
        new ProcessSpec("shell", new Script([Step.Cpu(1), Step.Fork(Shorthand.Program("c3")), Step.Wait(), Step.Cpu(1)]), Arrival: 2),
        new ProcessSpec("backup", Shorthand.Program("c2,i,i,c2"), Arrival: 4),
    ]);
}
