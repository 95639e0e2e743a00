using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Scheduler;

/// <summary>The reference's jobs: random whole lengths from -s/-j/-m, or the -l list.</summary>
public static class JobList
{
    public static IReadOnlyList<JobLength> From(SchedulerOptions options) =>
        options.JobList == "" ? Random(options) : Parse(options.JobList);

    /// <summary>Each length is int(maxlen·random()) + 1, the float product truncated toward zero.</summary>
    private static List<JobLength> Random(SchedulerOptions options)
    {
        if (options.Jobs > int.MaxValue) throw new OstepError($"-j {options.Jobs} is more jobs than a run can hold");
        var random = new PythonRandom(options.Seed);
        // Python's int * float converts the int first, and fails if it is too large, only when a job is drawn.
        var maxLength = options.Jobs > 0 ? PyFloat.FromInt(options.MaxLength) : 0;
        var jobs = new List<JobLength>();
        for (var i = 0; i < options.Jobs; i++) jobs.Add(JobLength.Int(PyInt.FromFloat(maxLength * random.Random()) + 1));
        return jobs;
    }

    private static List<JobLength> Parse(string list) =>
    [
        .. list.Split(',').Select(text =>
        {
            try
            {
                return JobLength.Float(PyFloat.Parse(text));
            }
            catch (PythonError)
            {
                throw new OstepError($"-l: '{text}' is not a number");
            }
        }),
    ];
}
