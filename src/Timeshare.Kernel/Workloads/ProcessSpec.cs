using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>
/// A process to create: what it runs, when it arrives (tick), its nice value,
/// tickets, the CPU length it declares (null: undeclared), the CPUs it may
/// run on (null: any) and its working-set size for the cache model.
/// </summary>
public sealed record ProcessSpec(string Name, Script Script, long Arrival = 0, int Nice = 0, int Tickets = 100, long? Length = null,
    IReadOnlyList<int>? Affinity = null, long WorkingSet = 0);
