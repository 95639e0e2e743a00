using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Mlfq;

/// <summary>
/// The levels and jobs the reference builds from its flags: quanta and
/// allotments by level (index 0 the bottom, as the trace numbers them), and
/// the jobs from -l or drawn at random.
/// </summary>
public sealed record MlfqSetup(BigInteger[] Quanta, BigInteger[] Allotments, IReadOnlyList<MlfqJob> Jobs)
{
    /// <summary>More levels or jobs than a listing could usefully show.</summary>
    public const int MaxCount = 100_000;

    public int Levels => Quanta.Length;

    public static MlfqSetup From(MlfqArgs args)
    {
        var quanta = args.QuantumList != ""
            ? TopFirst(args.QuantumList, "-Q")
            : Repeat(args.Quantum, Count(args.Levels, "levels"));
        var allotments = args.AllotmentList != "" ? ListedAllotments(args.AllotmentList, quanta.Length) : Repeat(args.Allotment, quanta.Length);
        var jobs = args.JobList != "" ? Listed(args.JobList) : Random(args);
        if (jobs.Count > 0 && quanta.Length == 0)
            throw new OstepError($"-n {args.Levels} leaves no level for the jobs to start at");
        return new MlfqSetup(quanta, allotments, jobs);
    }

    private static BigInteger[] ListedAllotments(string list, int levels)
    {
        var allotments = TopFirst(list, "-A");
        if (allotments.Length != levels)
            throw new OstepError($"-A gives {allotments.Length} allotments for {levels} levels");
        for (var level = 1; level < levels; level++)
            if (allotments[level] <= 0)
                throw new OstepError($"-A: level {level} needs a positive allotment, got {allotments[level]}");
        return allotments;
    }

    private static List<MlfqJob> Listed(string list)
    {
        var jobs = new List<MlfqJob>();
        foreach (var description in list.Split(':'))
        {
            var fields = description.Split(',');
            if (fields.Length != 3)
                throw new OstepError($"job '{description}' must be start,run,io (three whole numbers)");
            var (start, run, io) = (Int(fields[0], "-l"), Int(fields[1], "-l"), Int(fields[2], "-l"));
            jobs.Add(new MlfqJob(start, run, io));
        }
        return jobs;
    }

    /// <summary>As the reference draws them: all start at 0; run time in [1, maxlen), I/O interval in [1, maxio).</summary>
    private static List<MlfqJob> Random(MlfqArgs args)
    {
        var random = new PythonRandom(args.Seed);
        var jobs = new List<MlfqJob>();
        for (var i = 0; i < Count(args.Jobs, "jobs"); i++)
        {
            var run = Draw(random, args.MaxLength, "-m");
            var io = Draw(random, args.MaxIo, "-M");
            jobs.Add(new MlfqJob(0, run, io));
        }
        return jobs;
    }

    /// <summary>int(random() * (max - 1) + 1).</summary>
    private static BigInteger Draw(PythonRandom random, BigInteger max, string flag)
    {
        var r = random.Random();
        return Python(() => PyInt.FromFloat(r * PyFloat.FromInt(max - 1) + 1), $"{flag} {max} is too large to draw from");
    }

    /// <summary>A comma list, top level first, returned by level (bottom first).</summary>
    private static BigInteger[] TopFirst(string list, string flag)
    {
        var values = list.Split(',').Select(text => Int(text, flag)).ToArray();
        Array.Reverse(values);
        return values;
    }

    private static BigInteger[] Repeat(BigInteger value, int count) => [.. Enumerable.Repeat(value, count)];

    /// <summary>range(n): nothing for n of 0 or less.</summary>
    private static int Count(BigInteger n, string what) =>
        n <= 0 ? 0 : n <= MaxCount ? (int)n : throw new OstepError($"{n} {what} is more than the {MaxCount} a listing can show");

    private static BigInteger Int(string text, string flag) => Python(() => PyInt.Parse(text), $"{flag}: '{text}' is not a whole number");

    private static T Python<T>(Func<T> compute, string complaint)
    {
        try
        {
            return compute();
        }
        catch (PythonError)
        {
            throw new OstepError(complaint);
        }
    }
}
