using System.Numerics;

namespace Timeshare.Ostep.Multi;

/// <summary>One job of multi.py: its run time in work units, its working-set size, and the CPUs it may run on (empty: any).</summary>
public sealed record MultiJob(string Name, BigInteger RunTime, BigInteger WorkingSet)
{
    /// <summary>In the order -A lists them, repeats kept, as the reference keeps them.</summary>
    public List<int> Affinity { get; } = [];
}
