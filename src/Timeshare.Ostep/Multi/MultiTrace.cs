using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Output;

namespace Timeshare.Ostep.Multi;

/// <summary>
/// Prints multi.py's trace from the kernel's ticks: a row per tick with, per
/// CPU, the job that ran and optionally its time left and the CPU's cache,
/// then optionally the scheduler's queues; a line of dashes at each global
/// slice boundary.
/// </summary>
public sealed class MultiTrace(MultiOptions options, long quantum, AsciiWriter output, IReadOnlyList<Processor> cpus,
    IReadOnlyList<Process> jobs, ISchedulingPolicy policy) : ITickObserver
{
    public void OnTick(long tick, ReadOnlySpan<CpuTick> ran)
    {
        // The kernel reports a tick when it ends; the reference labels it by its start.
        var t = tick - 1;
        if (t > 0 && t % quantum == 0) output.WriteLine(new string('-', Math.Max(0, DashCount())));
        output.Write(" ");
        output.WriteNumber(t, 3);
        output.Write("   ");
        for (var i = 0; i < cpus.Count; i++) WriteCpu(i < ran.Length ? ran[i] : default, cpus[i]);
        if (options.TraceSched) WriteQueues();
        output.WriteLine();
    }

    private int DashCount()
    {
        var n = cpus.Count;
        var count = 8 + 7 * n - 5;
        if (options.TraceTimeLeft) count += 6 * n;
        if (options.TraceCache) count += 8 * n + jobs.Count * n;
        return count;
    }

    private void WriteCpu(CpuTick tick, Processor cpu)
    {
        if (tick.Activity == CpuActivity.Working && tick.Process is { } p)
        {
            output.Write(p.Name + " ");
            if (options.TraceTimeLeft)
            {
                output.Write("[");
                output.WriteNumber(((ScriptExecutor)p.Executor).WorkLeft, 3);
                output.Write("] ");
            }
        }
        else output.Write(options.TraceTimeLeft ? "- [   ] " : "- ");
        if (options.TraceCache)
        {
            output.Write("cache[");
            foreach (var job in jobs) output.Write(cpu.Cache!.IsWarm(job) ? "w" : " ");
            output.Write("]");
        }
        output.Write("     ");
    }

    private void WriteQueues()
    {
        if (policy is PerCpuQueues perCpu)
        {
            for (var cpu = 0; cpu < cpus.Count; cpu++)
            {
                output.Write($"Q{cpu}: ");
                foreach (var p in perCpu.QueueOf(cpu)) output.Write(p.Name + " ");
                output.Write("  ");
            }
        }
        else
        {
            output.Write("Q: ");
            foreach (var p in ((QueuePolicy)policy).Waiting) output.Write(p.Name + " ");
        }
        output.Write("    ");
    }
}
