using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Workloads;

/// <summary>A process to create: what it runs, when it arrives (tick), its nice value and tickets.</summary>
public sealed record ProcessSpec(string Name, Script Script, long Arrival = 0, int Nice = 0, int Tickets = 100);
