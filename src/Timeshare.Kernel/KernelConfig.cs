using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel;

/// <summary>How to build a kernel. Times are in ticks unless named cycles.</summary>
public sealed record KernelConfig
{
    public ISchedulingPolicy Policy { get; init; } = new RoundRobin();
    public DispatchOptions Dispatch { get; init; } = new();
    public int Cpus { get; init; } = 1;
    /// <summary>Time from the start of an I/O to its completion interrupt.</summary>
    public long IoLatency { get; init; } = 5;
    /// <summary>The CPUs' cache model; null for none (every tick does one unit of work).</summary>
    public CacheOptions? Cache { get; init; }
    /// <summary>The kernel's one source of randomness (random CPU order, the victim of a steal).</summary>
    public IRandomSource Random { get; init; } = new SeededRandom(0);
    /// <summary>Cycles in one tick: one step of an abstract program takes a tick.</summary>
    public long CyclesPerTick { get; init; } = 1;
    /// <summary>Whether an exiting process's reaper adopts its children only (Unix) or its whole subtree.</summary>
    public OrphanAdoption Orphans { get; init; } = OrphanAdoption.Children;
}
