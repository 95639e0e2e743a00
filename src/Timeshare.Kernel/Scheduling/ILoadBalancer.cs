namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A policy that keeps work per CPU and may move it between CPUs. The kernel
/// calls <see cref="Balance"/> at the start of every tick, before free CPUs
/// are assigned, and steps one tick at a time while such a policy runs.
/// </summary>
public interface ILoadBalancer
{
    /// <summary>The CPUs the policy keeps work for; the kernel's count must match.</summary>
    int Cpus { get; }

    /// <summary>Moves work between CPUs if it is time; draws any randomness from <paramref name="random"/>.</summary>
    void Balance(long tick, IRandomSource random);
}
