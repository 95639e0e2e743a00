using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>A policy that aims to give each process CPU in proportion to a weight.</summary>
public interface IProportionalShare
{
    /// <summary>The weight <paramref name="p"/>'s share should follow (tickets, nice weight).</summary>
    double WeightOf(Process p);
}
