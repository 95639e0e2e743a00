namespace Timeshare.Kernel.Scripts;

/// <summary>An abstract program: an immutable list of steps.</summary>
public sealed class Script(IReadOnlyList<Step> steps)
{
    public IReadOnlyList<Step> Steps { get; } = steps;

    /// <summary>Total ticks of computation, children's scripts not included.</summary>
    public long CpuTicks => Steps.Where(s => s.Kind == StepKind.Cpu).Sum(s => (long)s.Amount);

    public override string ToString() => string.Join(", ", Steps);
}
