using System.Numerics;

namespace Timeshare.Ostep.Multi;

/// <summary>
/// multi.py's machine and scheduler numbers as the kernel takes them, or a
/// refusal for those on which the reference crashes or never finishes.
/// </summary>
public sealed record MultiSettings(int Cpus, long Quantum, long PeekInterval, long WarmupTime, int WarmRate, long CacheSize)
{
    public static MultiSettings Check(MultiOptions o)
    {
        if (o.Cpus < 1) throw new OstepError($"-n {o.Cpus}: with no CPUs no job ever runs (the reference runs forever)");
        if (o.Cpus > 4096) throw new OstepError($"-n {o.Cpus} is more CPUs than Timeshare simulates (4096)");
        if (o.WarmRate < 1) throw new OstepError($"-r {o.WarmRate}: a warm job would never finish (the reference runs forever)");
        if (o.Quantum == 0) throw new OstepError("-q 0: a time slice must be at least one tick (the reference divides by it)");
        if (o.CacheSize < 0) throw new OstepError($"-M {o.CacheSize}: a cache size must not be negative (the reference crashes once a job warms)");
        // Python's t % q is 0 at the multiples of |q| whatever q's sign; a negative warm-up warms in one tick, as 1 does.
        return new MultiSettings(
            (int)o.Cpus,
            Long(BigInteger.Abs(o.Quantum), "-q"),
            o.PeekInterval > 0 ? Long(o.PeekInterval, "-P") : 0,
            o.WarmupTime < 0 ? 1 : Long(o.WarmupTime, "-w"),
            o.WarmRate > int.MaxValue ? throw new OstepError($"-r {o.WarmRate} is too large") : (int)o.WarmRate,
            Long(o.CacheSize, "-M"));
    }

    private static long Long(BigInteger n, string flag) => n <= long.MaxValue / 4 ? (long)n : throw new OstepError($"{flag} {n} is too large");
}
