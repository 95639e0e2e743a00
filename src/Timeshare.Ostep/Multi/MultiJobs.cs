using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Multi;

/// <summary>multi.py's jobs: drawn at random, or read from -L, then given the CPUs -A allows.</summary>
public static class MultiJobs
{
    public static List<MultiJob> Build(MultiOptions o, int cpus, PythonRandom random)
    {
        var jobs = o.JobList == "" ? Generate(o, random) : Parse(o.JobList);
        if (o.Affinity != "") ApplyAffinity(jobs, o.Affinity, cpus);
        return jobs;
    }

    /// <summary>run_time = int(random() * max_run / 10) * 10, then the working set likewise; names 0, 1, ...</summary>
    private static List<MultiJob> Generate(MultiOptions o, PythonRandom random)
    {
        if (o.JobCount <= 0) throw new OstepError($"-j {o.JobCount} makes no jobs, and the reference refuses an empty job list");
        var jobs = new List<MultiJob>();
        for (var j = 0; j < o.JobCount; j++)
        {
            var runTime = Tens(random.Random() * ToFloat(o.MaxRun, "-R"));
            var workingSet = Tens(random.Random() * ToFloat(o.MaxWorkingSet, "-W"));
            jobs.Add(new MultiJob($"{j}", runTime, workingSet));
        }
        return jobs;
    }

    private static BigInteger Tens(double x) => PyInt.FromFloat(x / 10.0) * 10;

    private static double ToFloat(BigInteger n, string flag) =>
        BigInteger.Abs(n) < BigInteger.Pow(2, 53) ? (double)n : throw new OstepError($"{flag} {n} is too large");

    private static List<MultiJob> Parse(string list)
    {
        var jobs = new List<MultiJob>();
        foreach (var entry in list.Split(','))
        {
            var parts = entry.Split(':');
            if (parts.Length != 3) throw new OstepError($"job '{entry}' in -L is not name:run_time:working_set_size");
            if (jobs.Any(j => j.Name == parts[0])) throw new OstepError($"job name '{parts[0]}' appears twice in -L");
            jobs.Add(new MultiJob(parts[0], Integer(parts[1], entry), Integer(parts[2], entry)));
        }
        return jobs;
    }

    /// <summary>-A name:cpu.cpu,...: each CPU must exist; a job named twice collects both lists.</summary>
    private static void ApplyAffinity(List<MultiJob> jobs, string affinity, int cpus)
    {
        foreach (var entry in affinity.Split(','))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2) throw new OstepError($"affinity '{entry}' in -A is not name:cpu.cpu...");
            var job = jobs.FirstOrDefault(j => j.Name == parts[0]) ?? throw new OstepError($"-A names job '{parts[0]}', which does not exist");
            foreach (var text in parts[1].Split('.'))
            {
                var cpu = Integer(text, entry);
                if (cpu < 0 || cpu >= cpus) throw new OstepError($"-A gives job {job.Name} CPU {cpu}, but the CPUs are 0 to {cpus - 1}");
                job.Affinity.Add((int)cpu);
            }
        }
    }

    private static BigInteger Integer(string text, string entry)
    {
        try
        {
            return PyInt.Parse(text);
        }
        catch (PythonError)
        {
            throw new OstepError($"'{text}' in '{entry}' is not a whole number");
        }
    }
}
