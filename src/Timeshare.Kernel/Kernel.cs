using System.Runtime.CompilerServices;
using Timeshare.Kernel.Devices;
using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel;

/// <summary>
/// The operating system: one loop that delivers due events, lets the
/// dispatcher put the policy's choice on each CPU, runs it, and handles why
/// it stopped.
/// </summary>
public sealed class Kernel
{
    /// <summary>The budget when no CPU has a process to run.</summary>
    private const long NothingRunning = -1;

    private readonly EventQueue _events = new();
    private readonly long _tick;
    private readonly CpuTick[] _tickView;
    /// <summary>Each CPU's result in the current step, reused every step.</summary>
    private readonly RunResult[] _results;
    private readonly IRandomSource _random;
    private readonly ILoadBalancer? _balancer;
    /// <summary>Something happens at the start of every tick (balancing, assignment): time moves a tick at a time.</summary>
    private readonly bool _tickStartWork;
    /// <summary>A tick's work depends on the tick before (lockstep CPUs, cache warmth): run one tick at a time.</summary>
    private readonly bool _lockstep;
    private long _startedTick = -1;
    private ITickObserver? _tickObserver;
    /// <summary>When the policy's timer fires, in cycles; long.MaxValue for never.</summary>
    private long _policyTimer = long.MaxValue;
    private IConsole? _console;

    public Kernel(KernelConfig config)
    {
        if (config.Cpus < 1) throw new ArgumentOutOfRangeException(nameof(config), "a kernel needs at least one CPU");
        if (config.CyclesPerTick < 1) throw new ArgumentOutOfRangeException(nameof(config), "a tick is at least one cycle");
        if (config.Dispatch.SwitchCost < 0) throw new ArgumentOutOfRangeException(nameof(config), "the switch cost must not be negative");
        _tick = config.CyclesPerTick;
        Trace = new Trace(Clock);
        Policy = config.Policy;
        Device = new IoDevice("disk", checked(config.IoLatency * _tick));
        _random = config.Random;
        _balancer = Policy as ILoadBalancer;
        if (_balancer is not null && _balancer.Cpus != config.Cpus)
            throw new ArgumentException($"the policy keeps queues for {_balancer.Cpus} CPUs, the kernel has {config.Cpus}", nameof(config));
        Dispatcher = new Dispatcher(config.Cpus, Policy, config.Dispatch, Trace, Clock, _tick, _random, config.Cache);
        Api = new ProcessApi(Table, Policy, Dispatcher, Trace, Clock, _events, config.Orphans);
        _tickView = new CpuTick[config.Cpus];
        _results = new RunResult[config.Cpus];
        _tickStartWork = _balancer is not null || config.Dispatch.AssignAtTickStart;
        _lockstep = _tickStartWork || config.Cpus > 1 || config.Cache is not null;
    }

    public Clock Clock { get; } = new();
    public Trace Trace { get; }
    public ProcessTable Table { get; } = new();
    public ISchedulingPolicy Policy { get; }
    public Dispatcher Dispatcher { get; }
    public IoDevice Device { get; }
    public ProcessApi Api { get; }
    public long CyclesPerTick => _tick;
    /// <summary>Whole ticks elapsed.</summary>
    public long Ticks => Clock.Now / _tick;

    public void Attach(IKernelObserver observer) => Trace.Attach(observer);

    public void Attach(ITickObserver observer) =>
        _tickObserver = _tickObserver is null ? observer : throw new InvalidOperationException("one tick observer at a time");

    /// <summary>Where print calls write; without one, their text goes nowhere.</summary>
    public void Attach(IConsole console) =>
        _console = _console is null ? console : throw new InvalidOperationException("one console at a time");

    /// <summary>Creates a process from <paramref name="executor"/> that arrives at tick <paramref name="arrival"/>.</summary>
    public Process Spawn(string name, IExecutor executor, long arrival = 0, int nice = 0, int tickets = 100, long? length = null,
        IEnumerable<int>? affinity = null, long workingSet = 0) =>
        Api.Spawn(name, executor, checked(arrival * _tick), nice, tickets, length, affinity, workingSet);

    /// <summary>Runs until every process has exited, none can run again, or tick <paramref name="untilTick"/>.</summary>
    public RunOutcome Run(long untilTick = long.MaxValue)
    {
        var until = untilTick == long.MaxValue ? long.MaxValue : checked(untilTick * _tick);
        _policyTimer = PolicyTimer();
        Api.Reschedule();
        while (Api.LiveCount > 0)
        {
            if (Clock.Now >= until) return RunOutcome.Paused;
            if (Clock.Now >= _policyTimer) FirePolicyTimer();
            if (_events.NextTime <= Clock.Now) DeliverDueEvents();
            if (_tickStartWork) StartTick();
            var budget = Budget(until);
            if (budget == NothingRunning)
            {
                // The events or the tick's start may have ended the last process.
                if (Api.LiveCount == 0) break;
                if (!IdleUntilNextEvent(until)) return RunOutcome.Stuck;
                continue;
            }
            Step(budget);
        }
        return RunOutcome.Finished;
    }

    /// <summary>Once per tick, after its events: the policy balances its queues, then free CPUs are assigned if they wait for it.</summary>
    private void StartTick()
    {
        if (Ticks == _startedTick) return;
        _startedTick = Ticks;
        _balancer?.Balance(Ticks, _random);
        if (Dispatcher.Options.AssignAtTickStart) Api.AssignFreeCpus();
    }

    /// <summary>
    /// The longest stretch in which nothing but the running programs can
    /// change anything, or <see cref="NothingRunning"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the loop, which works it out before every step
    private long Budget(long until)
    {
        var budget = Math.Min(Math.Min(until, _events.NextTime), _policyTimer) - Clock.Now;
        var running = false;
        foreach (var cpu in Dispatcher.Cpus)
        {
            if (!cpu.IsRunning) continue;
            running = true;
            budget = Math.Min(budget, cpu.SwitchLeft > 0 ? cpu.SwitchLeft : cpu.SliceLeft);
        }
        if (!running) return NothingRunning;
        // Several CPUs move in lockstep, one tick at a time, so that none runs ahead of another's events.
        if (_tickObserver is not null || _lockstep) budget = Math.Min(budget, _tick);
        return budget;
    }

    private void Step(long budget)
    {
        var cpus = Dispatcher.Cpus;
        if (cpus.Length == 1) StepAlone(cpus[0], budget);
        else StepInLockstep(cpus, budget);
    }

    /// <summary>One CPU may stop early: time moves by what it used.</summary>
    private void StepAlone(Processor cpu, long budget)
    {
        var r = Execute(cpu, budget);
        Clock.Now += r.Cycles;
        if (_tickObserver is not null)
        {
            _results[0] = r;
            ReportTick(_results);
        }
        if (NeedsHandling(r)) HandleStop(cpu, r.Reason);
    }

    /// <summary>Several CPUs move one whole tick each; each stop is handled after all have run.</summary>
    private void StepInLockstep(ReadOnlySpan<Processor> cpus, long budget)
    {
        var results = _results;
        for (var i = 0; i < cpus.Length; i++) results[i] = Execute(cpus[i], budget);
        Clock.Now += budget;
        if (_tickObserver is not null) ReportTick(results);
        for (var i = 0; i < cpus.Length; i++) cpus[i].Unsettled = NeedsHandling(results[i]);
        for (var i = 0; i < cpus.Length; i++)
        {
            if (!cpus[i].Unsettled) continue;
            cpus[i].Unsettled = false;
            HandleStop(cpus[i], results[i].Reason);
        }
        // Preemptions deferred while some CPU was unsettled.
        Api.Reschedule();
    }

    private static bool NeedsHandling(in RunResult r) => r.Work > 0 || r.Reason == StopReason.Finished;

    private RunResult Execute(Processor cpu, long budget)
    {
        if (cpu.Current is not { State: ProcessState.Running } p) return default;
        if (cpu.SwitchLeft > 0)
        {
            var paid = Math.Min(budget, cpu.SwitchLeft);
            cpu.SwitchLeft -= paid;
            cpu.SwitchTime += paid;
            p.Time.Switching += paid;
            return new RunResult(paid, 0, StopReason.SliceExpired);
        }
        // The cache model runs one tick at a time: warmth, and so speed, may change after every tick.
        var warm = cpu.Cache?.IsWarm(p) == true;
        var r = p.Executor.Run(Math.Min(budget, cpu.SliceLeft), warm ? cpu.Cache!.Options.WarmRate : 1);
        if (cpu.SliceLeft != long.MaxValue) cpu.SliceLeft -= r.Cycles;
        cpu.Ran += r.Cycles;
        cpu.BusyTime += r.Work;
        if (r.Work > 0 && cpu.Cache is { } cache)
        {
            if (warm) cpu.WarmTime += r.Work;
            cache.Ran(p);
        }
        return r;
    }

    private void HandleStop(Processor cpu, StopReason reason)
    {
        var p = cpu.Current!;
        if (reason == StopReason.Call) ServeCall(cpu, p);
        // Signals sent while this stop waited to be handled act now, as on a return to user mode.
        if (p.HasDeliverableSignals) _linux?.Signals.Deliver(p);
        if (cpu.Current == p && p.State == ProcessState.Running && cpu.SliceLeft == 0 && !p.Executor.IsFinished) TimerInterrupt(cpu, p);
        ReapIfFinished(cpu);
    }

    // Out of line: the pending call is a 40-byte struct that every step would otherwise clear on entry.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ServeCall(Processor cpu, Process p) => HandleCall(cpu, p, p.Executor.PendingCall);

    /// <summary>The slice of <paramref name="p"/> is over: it goes back to the policy, and the CPU to the policy's next choice.</summary>
    private void TimerInterrupt(Processor cpu, Process p)
    {
        if (Trace.Enabled) Trace.Emit(EventKind.TimerInterrupt, p.Pid, cpu.Id);
        Dispatcher.Vacate(cpu, ProcessState.Ready, Cause.SliceExpired);
        Dispatcher.Refill(cpu);
    }

    private void HandleCall(Processor cpu, Process p, KernelCall call)
    {
        switch (call.Kind)
        {
            case CallKind.Io:
                StartIo(cpu, p);
                break;
            case CallKind.Fork:
                Api.Fork(p);
                break;
            case CallKind.Wait:
                Api.Wait(p, call.Argument);
                break;
            case CallKind.Exit:
                Api.Exit(p, call.Argument);
                break;
            case CallKind.Sleep:
                Api.Sleep(p, checked(Math.Max(call.Argument, 0) * _tick));
                break;
            case CallKind.Syscall:
                ServeSyscall(cpu, p);
                break;
            case CallKind.Fault:
                (_linux ?? throw new KernelBugException($"{p} faulted with no system call layer attached")).Raise(p, call.Argument);
                break;
            case CallKind.PageFault:
                if (Trace.Enabled) Trace.Emit(new KernelEvent(Clock.Now, EventKind.PageFault, p.Pid, cpu.Id, Value: (long)call.Address));
                break;
            case CallKind.Print:
                _console?.Write(Clock.Now, p, call.Text ?? "");
                break;
        }
    }

    private void StartIo(Processor cpu, Process p)
    {
        var done = Device.Start(Clock.Now);
        _events.Schedule(done, new PendingEvent(PendingKind.IoDone, p));
        Trace.Emit(new KernelEvent(Clock.Now, EventKind.IoStarted, p.Pid, cpu.Id, Other: 0, Value: done));
        if (Dispatcher.Options.HoldCpuDuringIo)
        {
            Dispatcher.Hold(cpu);
            return;
        }
        Dispatcher.Vacate(cpu, ProcessState.Blocked, Cause.IoStarted);
        Dispatcher.Refill(cpu);
    }

    /// <summary>The Linux calls of real programs; null until attached (abstract runs make none).</summary>
    private LinuxSyscalls? _linux;

    /// <summary>Serves real programs' system calls.</summary>
    public void Attach(LinuxSyscalls linux) =>
        _linux = _linux is null ? linux : throw new InvalidOperationException("one system call layer at a time");

    private void ServeSyscall(Processor cpu, Process p)
    {
        var linux = _linux ?? throw new KernelBugException($"{p} made a system call with no system call layer attached");
        var context = (ISyscallContext)p.Executor;
        if (!linux.Serve(p, context) && Trace.Enabled)
            Trace.Emit(new KernelEvent(Clock.Now, EventKind.UnknownSyscall, p.Pid, cpu.Id, Value: (long)context.Number));
    }

    /// <summary>The kernel notices, at each entry, a running program that has nothing left, and ends it.</summary>
    private void ReapIfFinished(Processor cpu)
    {
        if (cpu.Current is { State: ProcessState.Running } p && p.Executor.IsFinished) Api.Exit(p, 0);
    }

    private long PolicyTimer() => Policy.NextTimer == long.MaxValue ? long.MaxValue : checked(Policy.NextTimer * _tick);

    /// <summary>The policy re-decides every CPU: whoever runs goes back to it first.</summary>
    private void FirePolicyTimer()
    {
        foreach (var cpu in Dispatcher.Cpus)
            if (cpu.IsRunning) Dispatcher.Vacate(cpu, ProcessState.Ready, Cause.Preempted);
        Policy.OnTimer(Ticks);
        _policyTimer = PolicyTimer();
        Api.Reschedule();
    }

    private void DeliverDueEvents()
    {
        while (_events.TryTakeDue(Clock.Now, out var e))
        {
            switch (e.Kind)
            {
                case PendingKind.Arrival when e.Process.State == ProcessState.New:
                    Api.Arrive(e.Process);
                    break;
                case PendingKind.IoDone:
                    CompleteIo(e.Process);
                    break;
                // A sleeper killed before its timer fired is a zombie by now.
                case PendingKind.SleepDone when e.Process.State == ProcessState.Blocked && e.Process.Sleeps == e.Sleep:
                    Api.Wake(e.Process, Cause.SleepDone);
                    break;
            }
            Api.Reschedule();
            foreach (var cpu in Dispatcher.Cpus) ReapIfFinished(cpu);
        }
    }

    private void CompleteIo(Process p)
    {
        Device.Complete(Clock.Now);
        Trace.Emit(new KernelEvent(Clock.Now, EventKind.IoCompleted, p.Pid, p.Cpu, Other: 0));
        if (p.State != ProcessState.Blocked) return;
        var held = Dispatcher.ProcessorOf(p);
        Api.Wake(p, Cause.IoCompleted);
        if (p.State != ProcessState.Ready) return;
        if (held is not null) Dispatcher.Release(held);
        else if (Dispatcher.Options.Wake == WakePolicy.RunAtOnce) RunAtOnce(p);
    }

    private void RunAtOnce(Process p)
    {
        var cpu = Dispatcher.FirstFreeFor(p) ?? Dispatcher.Processors[Math.Max(p.Cpu, 0)];
        if (cpu.IsRunning) Dispatcher.Vacate(cpu, ProcessState.Ready, Cause.Preempted);
        else if (!cpu.IsFree) Dispatcher.Unhold(cpu);
        Dispatcher.Claim(cpu, p);
    }

    private bool IdleUntilNextEvent(long until)
    {
        var next = Math.Min(_events.NextTime, until);
        // A policy timer wakes nobody, but a balancer may still move Ready work to a CPU that can run it.
        if (next == long.MaxValue && (_balancer is null || Policy.ReadyCount == 0)) return false;
        next = Math.Min(next, _policyTimer);
        if (_tickObserver is not null || _tickStartWork) next = Math.Min(next, Clock.Now + _tick);
        Clock.Now = next;
        if (_tickObserver is not null) ReportTick([]);
        return true;
    }

    private void ReportTick(ReadOnlySpan<RunResult> results)
    {
        var cpus = Dispatcher.Cpus;
        for (var i = 0; i < cpus.Length; i++)
        {
            var r = i < results.Length ? results[i] : default;
            var p = cpus[i].Current;
            var activity = r.Work > 0 ? CpuActivity.Working
                : r.Cycles == 0 ? CpuActivity.Idle
                : r.Reason == StopReason.Finished ? CpuActivity.Stalled
                : CpuActivity.Switching;
            CallKind? call = r.Reason == StopReason.Call ? p!.Executor.PendingCall.Kind : null;
            _tickView[i] = new CpuTick(i, activity, activity == CpuActivity.Idle ? null : p, call);
        }
        _tickObserver!.OnTick(Clock.Now / _tick, _tickView);
    }
}
