using System.Numerics;

namespace Timeshare.Ostep.Scheduler;

/// <summary>
/// How the reference's seconds become the kernel's whole ticks: 10^Decimals
/// ticks per second, Decimals the fewest decimal places that write every
/// finite length exactly (as str() shows it), so the kernel plans with the
/// lengths the reference plans with. When a length would then overflow a
/// cpu step (<see cref="MaxTicks"/>), the scale coarsens (Decimals may go
/// below zero) and lengths round up to whole ticks. Rounding up never changes
/// a round-robin plan while the quantum stays whole (turns = ⌈⌈x·s⌉ / (q·s)⌉ =
/// ⌈x / q⌉); FIFO does not look at lengths; SJF's order is checked by
/// <see cref="KeepsOrder"/>. A length at or below zero needs no CPU (it ends on
/// its first turn, as in the reference) but declares its value, so SJF still
/// runs it first. An infinite length runs for the longest step.
/// </summary>
public sealed class TimeScale
{
    /// <summary>The longest a job can compute: one cpu step.</summary>
    public const long MaxTicks = int.MaxValue;

    private readonly BigInteger _perSecond;
    private readonly bool _coarsened;

    private TimeScale(int decimals, bool coarsened)
    {
        Decimals = decimals;
        _coarsened = coarsened;
        _perSecond = BigInteger.Pow(10, Math.Abs(decimals));
    }

    /// <summary>Ticks per second are 10^Decimals.</summary>
    public int Decimals { get; }

    public static TimeScale For(IReadOnlyList<JobLength> lengths)
    {
        var values = lengths.Select(l => l.Decimal()).OfType<(BigInteger Mantissa, int Places)>().ToList();
        var exact = values.Count == 0 ? 0 : Math.Max(0, values.Max(v => v.Places));
        var decimals = exact;
        while (values.Any(v => BigInteger.Abs(Ceiling(v.Mantissa, decimals - v.Places)) > MaxTicks)) decimals--;
        return new TimeScale(decimals, decimals < exact);
    }

    /// <summary>The ticks the job computes: none for a length at or below zero.</summary>
    public long Work(JobLength length) => Math.Max(0, Math.Min(MaxTicks, Declared(length)));

    /// <summary>The job's length in ticks as it declares it to the policy; an infinity lies beyond every finite length.</summary>
    public long Declared(JobLength length) => length.Decimal() is var (mantissa, places)
        ? (long)Ceiling(mantissa, Decimals - places)
        : length.IsPositiveInfinity ? MaxTicks + 1 : -(MaxTicks + 1);

    /// <summary>The round-robin slice in ticks; any slice longer than every job gives the same plan.</summary>
    public long Quantum(BigInteger seconds) =>
        CanSlice ? (long)BigInteger.Min(seconds * _perSecond, MaxTicks + 1) : throw new InvalidOperationException("a quantum needs whole ticks");

    /// <summary>A whole number of seconds is a whole number of ticks, so round robin's plan is kept.</summary>
    public bool CanSlice => Decimals >= 0;

    /// <summary>
    /// True when rounding kept lengths that differ apart, so that SJF on the
    /// kernel orders the jobs as the reference sorts them.
    /// </summary>
    public bool KeepsOrder(IReadOnlyList<JobLength> lengths)
    {
        if (!_coarsened) return true;
        var sorted = lengths.OrderBy(l => l.AsFloat).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i - 1].AsFloat < sorted[i].AsFloat && Declared(sorted[i - 1]) == Declared(sorted[i])) return false;
        return true;
    }

    /// <summary>⌈mantissa·10^shift⌉.</summary>
    private static BigInteger Ceiling(BigInteger mantissa, int shift)
    {
        if (shift >= 0) return mantissa * BigInteger.Pow(10, shift);
        var quotient = BigInteger.DivRem(mantissa, BigInteger.Pow(10, -shift), out var remainder);
        return remainder > 0 ? quotient + 1 : quotient;
    }
}
