using System.Numerics;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Ostep.Mlfq;

/// <summary>
/// A job of the reference: it enters at <paramref name="Start"/>, needs
/// <paramref name="RunTime"/> ticks of CPU, and after every
/// <paramref name="IoEvery"/> ticks of CPU (if positive) starts an I/O,
/// unless that tick was its last.
/// </summary>
public sealed record MlfqJob(BigInteger Start, BigInteger RunTime, BigInteger IoEvery)
{
    /// <summary>True if the job ever starts an I/O.</summary>
    public bool DoesIo => IoEvery > 0 && RunTime > IoEvery;

    /// <summary>
    /// The job as an abstract program. The tick that starts an I/O is the last
    /// of its CPU burst: the kernel's io step takes one tick of CPU.
    /// </summary>
    public Script ToScript()
    {
        var run = (int)RunTime;
        if (!DoesIo) return new Script([Step.Cpu(run)]);
        var every = (int)IoEvery;
        var ios = (run - 1) / every;
        var steps = new List<Step>(2 * ios + 1);
        for (var i = 0; i < ios; i++)
        {
            if (every > 1) steps.Add(Step.Cpu(every - 1));
            steps.Add(Step.Io);
        }
        steps.Add(Step.Cpu(run - ios * every));
        return new Script(steps);
    }
}
