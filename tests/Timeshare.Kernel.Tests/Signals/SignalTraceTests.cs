using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Tests.Programs;

namespace Timeshare.Kernel.Tests.Signals;

/// <summary>What signal-selftest's signals look like in the kernel's event stream.</summary>
public class SignalTraceTests
{
    private static readonly List<KernelEvent> Events = Run();

    private static List<KernelEvent> Run()
    {
        var (status, _) = Userland.Traced("signal-selftest", [], lazy: false, out var events);
        Assert.Equal(0, status);
        return events;
    }

    private static int Main => Events.First(e => e.Kind == EventKind.StateChanged).Pid;

    [Fact]
    public void Each_delivered_signal_is_an_event_naming_it()
    {
        var delivered = Events.Where(e => e.Kind == EventKind.Signal && e.Pid == Main).Select(e => (int)e.Value).ToHashSet();
        Assert.Superset(new HashSet<int> { 10, 12, 17 }, delivered);
    }

    [Fact]
    public void A_stopped_child_shows_as_stopped_until_continued()
    {
        var stopped = Events.First(e => e.Kind == EventKind.StateChanged && e.To == ProcessState.Stopped);
        Assert.Contains(Events, e => e.Kind == EventKind.StateChanged && e.Pid == stopped.Pid
            && e.From == ProcessState.Stopped && e.Cause == Cause.ContinueRequested && e.Time >= stopped.Time);
        Assert.Contains(Events, e => e.Kind == EventKind.Signal && e.Pid == stopped.Pid && e.Value == 19);
    }

    [Fact]
    public void Killed_children_end_signaled()
    {
        Assert.Contains(Events, e => e.Kind == EventKind.StateChanged && e.To == ProcessState.Zombie && e.Cause == Cause.Signaled);
    }

    [Fact]
    public void On_two_cpus_signals_reach_processes_running_beside_the_sender()
    {
        var (status, output) = Userland.Traced("signal-selftest", [], lazy: false, out _, cpus: 2);
        Assert.Equal(File.ReadAllText(Path.Combine(Userland.Folder(), "expected", "signal-selftest.out")), output);
        Assert.Equal(0, status);
    }
}
