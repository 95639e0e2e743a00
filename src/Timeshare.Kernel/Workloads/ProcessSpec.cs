using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>
/// A process to create: what it runs, when it arrives (tick), its nice value,
/// tickets, and the CPU length it declares (null: undeclared).
/// </summary>
public sealed record ProcessSpec(string Name, Script Script, long Arrival = 0, int Nice = 0, int Tickets = 100, long? Length = null);
