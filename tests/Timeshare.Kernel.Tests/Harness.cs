using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;
using Timeshare.Kernel.Workloads;

namespace Timeshare.Kernel.Tests;

/// <summary>Builds small kernels and records what they do.</summary>
internal static class Harness
{
    public static Kernel Build(ISchedulingPolicy? policy = null, long ioLatency = 5, DispatchOptions? dispatch = null, int cpus = 1,
        OrphanAdoption orphans = OrphanAdoption.Children) =>
        new(new KernelConfig
        {
            Policy = policy ?? new RoundRobin(),
            IoLatency = ioLatency,
            Dispatch = dispatch ?? new DispatchOptions(),
            Cpus = cpus,
            Orphans = orphans,
        });

    public static Process Spawn(this Kernel k, string name, string program, long arrival = 0) =>
        k.Spawn(name, new ScriptExecutor(Shorthand.Program(program)), arrival);

    /// <summary>A job of <paramref name="ticks"/> ticks of CPU that declares exactly that length.</summary>
    public static Process SpawnJob(this Kernel k, string name, int ticks, long arrival = 0) =>
        k.Spawn(name, new ScriptExecutor(new Script([Step.Cpu(ticks)])), arrival, length: ticks);

    public static Process Spawn(this Kernel k, string name, params Step[] steps) =>
        k.Spawn(name, new ScriptExecutor(new Script(steps)));

    /// <summary>Who worked in each tick: a name, or "-" when no process made progress.</summary>
    public static string Timeline(this Kernel k)
    {
        var recorder = new TimelineRecorder();
        k.Attach(recorder);
        k.Run();
        return recorder.ToString();
    }
}

internal sealed class TimelineRecorder : ITickObserver
{
    private readonly List<string> _ticks = [];

    public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
    {
        var names = new List<string>();
        foreach (var c in cpus) names.Add(c.Activity == CpuActivity.Working ? c.Process!.Name : "-");
        _ticks.Add(string.Join("|", names));
    }

    public override string ToString() => string.Join(" ", _ticks);
}

internal sealed class EventRecorder : IKernelObserver
{
    public List<KernelEvent> Events { get; } = [];
    public void OnEvent(in KernelEvent e) => Events.Add(e);

    public IEnumerable<(ProcessState From, ProcessState To)> TransitionsOf(int pid) =>
        Events.Where(e => e.Kind == EventKind.StateChanged && e.Pid == pid).Select(e => (e.From, e.To));
}
