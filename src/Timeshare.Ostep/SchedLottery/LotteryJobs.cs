using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>The reference's jobs: parsed from -l, or drawn at random as it draws them.</summary>
public static class LotteryJobs
{
    /// <summary>More jobs than this would not make a trace anyone reads.</summary>
    public const int MaxJobs = 100_000;

    public static List<LotteryJob> From(LotteryOptions o, PythonRandom random) =>
        o.JobList != "" ? Parse(o.JobList) : Draw(o, random);

    /// <summary>LENGTH:TICKETS entries split by commas, each number read as Python's int() reads it.</summary>
    private static List<LotteryJob> Parse(string list) =>
        [.. list.Split(',').Select(entry => entry.Split(':') is [var length, var tickets]
            ? new LotteryJob(Number(length, "length"), Number(tickets, "tickets"))
            : throw new OstepError($"job '{entry}' in -l is not LENGTH:TICKETS"))];

    /// <summary>
    /// Each job: a length int(maxlen * random()), drawn again while it is 0, then
    /// tickets the same way from maxticket. When |max| &lt;= 1 every draw is 0
    /// and the reference never stops drawing.
    /// </summary>
    private static List<LotteryJob> Draw(LotteryOptions o, PythonRandom random)
    {
        if (o.Jobs <= 0) return [];
        if (o.Jobs > MaxJobs) throw new OstepError($"-j {o.Jobs} is more than the {MaxJobs} jobs this front-end runs");
        if (BigInteger.Abs(o.MaxLength) <= 1 || BigInteger.Abs(o.MaxTickets) <= 1)
            throw new OstepError("random jobs need -m and -T of at least 2 (or at most -2): otherwise every draw is 0 and the reference never finishes");
        var jobs = new List<LotteryJob>();
        for (var i = 0; i < (int)o.Jobs; i++)
        {
            var length = NonZeroBelow(o.MaxLength, random, "-m");
            jobs.Add(new LotteryJob(length, NonZeroBelow(o.MaxTickets, random, "-T")));
        }
        return jobs;
    }

    private static int NonZeroBelow(BigInteger max, PythonRandom random, string flag)
    {
        double scale;
        try
        {
            scale = PyFloat.FromInt(max);
        }
        catch (PythonError)
        {
            throw new OstepError($"{flag} {max} is too large to scale a random number by");
        }
        BigInteger value;
        do value = PyInt.FromFloat(scale * random.Random()); while (value.IsZero);
        return Fit(value, flag);
    }

    private static int Number(string text, string what)
    {
        try
        {
            return Fit(PyInt.Parse(text), what);
        }
        catch (PythonError)
        {
            throw new OstepError($"{what} '{text}' in -l is not a whole number");
        }
    }

    private static int Fit(BigInteger value, string what) =>
        value >= int.MinValue && value <= int.MaxValue ? (int)value : throw new OstepError($"{what} {value} is beyond what this front-end runs (32-bit)");
}
