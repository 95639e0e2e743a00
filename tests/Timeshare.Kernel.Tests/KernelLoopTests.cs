using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class KernelLoopTests
{
    [Fact]
    public void An_io_blocks_the_process_for_the_device_latency_while_another_runs()
    {
        var k = Harness.Build(new Fifo(), ioLatency: 3);
        var a = k.Spawn("A", "i,c1");
        k.Spawn("B", "c5");
        Assert.Equal("A B B B B B A", k.Timeline());
        Assert.Equal(3, a.Time.Blocked);
        Assert.Equal(2, a.Time.Ready);
    }

    [Fact]
    public void With_nothing_ready_the_cpu_idles_until_the_completion()
    {
        var k = Harness.Build(ioLatency: 3);
        var a = k.Spawn("A", "c1,i,c1");
        Assert.Equal("A A - - - A", k.Timeline());
        Assert.Equal(6, a.Time.Turnaround);
        Assert.Equal(3, k.Dispatcher.Processors[0].BusyTime);
        Assert.Equal(3, k.Device.BusyTime(k.Clock.Now));
    }

    [Fact]
    public void Holding_the_cpu_during_io_idles_it_even_with_others_ready()
    {
        var k = Harness.Build(new Fifo(), ioLatency: 2, dispatch: new DispatchOptions { HoldCpuDuringIo = true });
        k.Spawn("A", "i,c1");
        k.Spawn("B", "c2");
        Assert.Equal("A - - A B B", k.Timeline());
    }

    [Fact]
    public void The_switch_cost_is_paid_on_every_switch_to_a_different_process()
    {
        var k = Harness.Build(new RoundRobin(2), dispatch: new DispatchOptions { SwitchCost = 1 });
        var a = k.Spawn("A", "c4");
        var b = k.Spawn("B", "c2");
        Assert.Equal("- A A - B B - A A", k.Timeline());
        Assert.Equal(2, a.Time.ContextSwitches);
        Assert.Equal(2, a.Time.Switching);
        Assert.Equal(4, a.Time.Cpu);
        Assert.Equal(3, k.Dispatcher.Processors[0].ContextSwitches);
        Assert.Equal(3, k.Dispatcher.Processors[0].SwitchTime);
        Assert.Equal(b.Time.Finish - b.Time.Arrival, b.Time.Running + b.Time.Ready);
    }

    [Fact]
    public void A_lone_process_whose_slice_expires_is_not_switched()
    {
        var k = Harness.Build(new RoundRobin(1), dispatch: new DispatchOptions { SwitchCost = 5 });
        var a = k.Spawn("A", "c3");
        var events = new EventRecorder();
        k.Attach(events);
        k.Run();
        Assert.Equal(3, events.Events.Count(e => e.Kind == EventKind.TimerInterrupt) + 1);
        Assert.Single(events.Events, e => e.Kind == EventKind.ContextSwitch);
        Assert.Equal(8, a.Time.Turnaround);
    }

    [Fact]
    public void Every_transition_is_in_the_trace()
    {
        var k = Harness.Build(new RoundRobin(1), ioLatency: 1);
        var events = new EventRecorder();
        k.Attach(events);
        var a = k.Spawn("A", "c2,i,c1");
        k.Run();
        Assert.Equal(
        [
            (ProcessState.New, ProcessState.Ready), (ProcessState.Ready, ProcessState.Running),
            (ProcessState.Running, ProcessState.Ready), (ProcessState.Ready, ProcessState.Running),
            (ProcessState.Running, ProcessState.Ready), (ProcessState.Ready, ProcessState.Running),
            (ProcessState.Running, ProcessState.Blocked), (ProcessState.Blocked, ProcessState.Ready),
            (ProcessState.Ready, ProcessState.Running), (ProcessState.Running, ProcessState.Zombie),
        ], events.TransitionsOf(a.Pid));
    }

    [Fact]
    public void Late_arrivals_wait_for_their_time()
    {
        var k = Harness.Build(new Fifo());
        var a = k.Spawn("A", "c1", arrival: 3);
        Assert.Equal("- - - A", k.Timeline());
        Assert.Equal(3, a.Time.Arrival);
        Assert.Equal(0, a.Time.Response);
    }

    [Fact]
    public void A_program_with_nothing_to_run_holds_the_cpu_for_one_tick()
    {
        var k = Harness.Build(new Fifo());
        var a = k.Spawn("A", "c0");
        k.Spawn("B", "c1");
        Assert.Equal("- B", k.Timeline());
        Assert.Equal(1, a.Time.Turnaround);
    }

    [Fact]
    public void Exiting_early_skips_the_rest_of_the_script()
    {
        var k = Harness.Build();
        var a = k.Spawn("A", Scripts.Step.Cpu(2), Scripts.Step.Exit(4), Scripts.Step.Cpu(50));
        Assert.Equal(RunOutcome.Finished, k.Run());
        Assert.Equal(4, a.ExitStatus);
        Assert.Equal(3, a.Time.Cpu);
    }

    [Fact]
    public void A_policy_can_preempt_the_running_process_when_another_becomes_ready()
    {
        var k = Harness.Build(new PreemptOnArrival());
        k.Spawn("A", "c4");
        k.Spawn("B", "c1", arrival: 2);
        Assert.Equal("A A B A A", k.Timeline());
    }

    /// <summary>Newest arrival first, preempting: enough to see the kernel honour ShouldPreempt.</summary>
    private sealed class PreemptOnArrival : ISchedulingPolicy
    {
        private readonly List<Processes.Process> _ready = [];
        public string Name => "newest";
        public int ReadyCount => _ready.Count;
        public void Admit(Processes.Process p) => _ready.Add(p);
        public Pick? PickNext(int cpu, long now)
        {
            if (_ready.Count == 0) return null;
            var p = _ready.MaxBy(r => r.Time.Arrival)!;
            return new Pick(p, Claim(p));
        }
        public long Claim(Processes.Process p)
        {
            _ready.Remove(p);
            return Pick.Unlimited;
        }
        public void Remove(Processes.Process p) => _ready.Remove(p);
        public void OnExpired(Processes.Process p, long ran) => _ready.Add(p);
        public void OnPreempted(Processes.Process p, long ran) => _ready.Add(p);
        public void OnBlocked(Processes.Process p, long ran) { }
        public void OnWoken(Processes.Process p) => _ready.Add(p);
        public void OnExited(Processes.Process p) { }
        public bool ShouldPreempt(Processes.Process running, long ran) => _ready.Any(r => r.Time.Arrival > running.Time.Arrival);
    }
}
