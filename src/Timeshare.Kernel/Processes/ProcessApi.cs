using Timeshare.Kernel.Dispatch;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Scheduling;
using Timeshare.Kernel.Scripts;

namespace Timeshare.Kernel.Processes;

/// <summary>
/// Create, destroy, wait, control and inspect processes. Each operation does
/// the whole job: state changes, the policy's bookkeeping, and handing a CPU
/// that it frees to the next process.
/// </summary>
public sealed class ProcessApi
{
    /// <summary>The status of a process ended by <see cref="Kill"/>: 128 + SIGKILL, as a shell shows it.</summary>
    public const int KilledStatus = 128 + 9;

    public const int MinNice = -20;
    public const int MaxNice = 19;

    private readonly ProcessTable _table;
    private readonly ISchedulingPolicy _policy;
    private readonly Dispatcher _dispatcher;
    private readonly Trace _trace;
    private readonly Clock _clock;
    private readonly EventQueue _events;
    private readonly OrphanAdoption _orphans;
    private readonly List<Process> _created = [];

    internal ProcessApi(ProcessTable table, ISchedulingPolicy policy, Dispatcher dispatcher, Trace trace, Clock clock, EventQueue events, OrphanAdoption orphans)
    {
        _orphans = orphans;
        _table = table;
        _policy = policy;
        _dispatcher = dispatcher;
        _trace = trace;
        _clock = clock;
        _events = events;
        Init = Process.ResidentInit(new ScriptExecutor(new Script([])));
        _table.Add(Init);
    }

    public Process Init { get; private set; }
    /// <summary>Init is the kernel's own (abstract runs): it reaps at once and never runs.</summary>
    private bool _residentInit = true;

    /// <summary>Processes not yet exited, init excluded.</summary>
    public int LiveCount { get; private set; }

    /// <summary>Every process created in this run, init excluded, in pid order.</summary>
    public IReadOnlyList<Process> Created => _created;

    /// <summary>Creates a child of init that becomes Ready at <paramref name="arrival"/>.</summary>
    /// <param name="length">The job's declared CPU need in ticks, for policies that plan by it; null if unknown.</param>
    /// <param name="affinity">The CPUs it may run on; null for any.</param>
    /// <param name="workingSet">Its working-set size, for the cache model.</param>
    /// <exception cref="ArgumentException">The affinity names a CPU that does not exist, or none.</exception>
    public Process Spawn(string name, IExecutor executor, long arrival = 0, int nice = 0, int tickets = 100, long? length = null,
        IEnumerable<int>? affinity = null, long workingSet = 0)
    {
        var p = new Process(_table.NextPid, name, executor, Math.Max(arrival, _clock.Now))
        {
            Nice = Math.Clamp(nice, MinNice, MaxNice),
            Tickets = tickets,
            DeclaredLength = length,
            Affinity = affinity is null ? null : CheckAffinity(name, affinity),
            WorkingSet = workingSet,
        };
        Register(p, Init);
        if (p.Time.Arrival <= _clock.Now) Arrive(p);
        else _events.Schedule(p.Time.Arrival, new PendingEvent(PendingKind.Arrival, p));
        return p;
    }

    /// <summary>
    /// Running process <paramref name="parent"/> forks; the child is Ready at
    /// once, and runs at once on a free CPU. Null, and no child, when the
    /// process limit is reached (EAGAIN).
    /// </summary>
    /// <param name="name">The child's name; by default the parent's with a fork count ("a.1").</param>
    public Process? Fork(Process parent, string? name = null)
    {
        if (LiveCount >= ProcessLimit) return null;
        var child = new Process(_table.NextPid, name ?? $"{parent.Name}.{++parent.Forks}", parent.Executor.ForkChild(), _clock.Now)
        {
            Nice = parent.Nice,
            Tickets = parent.Tickets,
            Affinity = parent.Affinity,
            WorkingSet = parent.WorkingSet,
            Files = parent.Files?.Fork(),
            WorkingDirectory = parent.WorkingDirectory,
        };
        Register(child, parent);
        _trace.Emit(new KernelEvent(_clock.Now, EventKind.Forked, parent.Pid, parent.Cpu, Other: child.Pid));
        Forked?.Invoke(parent, child);
        Arrive(child);
        Reschedule();
        return child;
    }

    /// <summary>The most live processes at once (init excluded); a fork beyond it fails.</summary>
    public int ProcessLimit { get; set; } = int.MaxValue;

    /// <summary>Called when a fork made a child, before it can run: the system call layer copies what it keeps per process.</summary>
    public event Action<Process, Process>? Forked;

    /// <summary>Called as a process exits, after it left its CPU: what it holds (memory, files) is let go here.</summary>
    public event Action<Process>? Exiting;

    /// <summary>
    /// exec: <paramref name="p"/> keeps its pid, parent, children and open
    /// files, and runs <paramref name="program"/> from now on.
    /// </summary>
    public void Exec(Process p, IExecutor program, string name)
    {
        if (!p.IsAlive) throw new KernelBugException($"{p} cannot exec from {p.State}");
        p.Executor = program;
        p.Name = name;
        _trace.Emit(new KernelEvent(_clock.Now, EventKind.Exec, p.Pid, p.Cpu));
    }

    /// <summary>
    /// Starts a real init as pid 1 in place of the resident one: it must be the
    /// first process. It reaps orphans itself, and when it exits the system
    /// shuts down: every process left is killed.
    /// </summary>
    public Process StartInit(string name, IExecutor program)
    {
        var init = new Process(ProcessTable.InitPid, name, program, _clock.Now);
        _table.ReplaceInit(init);
        _created.Add(init);
        LiveCount++;
        Init = init;
        _residentInit = false;
        Arrive(init);
        return init;
    }

    /// <summary>Running process <paramref name="p"/> gives up its CPU and goes back to the policy as Ready.</summary>
    public void Yield(Process p)
    {
        if (_dispatcher.ProcessorOf(p) is not { } cpu) throw new KernelBugException($"{p} yields without a CPU");
        _dispatcher.Vacate(cpu, ProcessState.Ready, Cause.Yielded);
        _dispatcher.Refill(cpu);
    }

    /// <summary>Running process <paramref name="p"/> sleeps for <paramref name="cycles"/>, then is Ready again.</summary>
    public void Sleep(Process p, long cycles, Cause cause = Cause.SleepStarted)
    {
        _events.Schedule(_clock.Now + cycles, new PendingEvent(PendingKind.SleepDone, p, ++p.Sleeps));
        Block(p, cause);
    }

    /// <summary>
    /// Ends <paramref name="p"/>: it becomes a zombie, its orphans go to the
    /// nearest subreaper ancestor or else init, its parent may reap it.
    /// </summary>
    /// <param name="signal">The signal that ended it, 0 if it exited by itself.</param>
    public void Exit(Process p, int status, Cause cause = Cause.Exited, int signal = 0)
    {
        if (!p.IsAlive || (p == Init && _residentInit)) throw new KernelBugException($"{p} cannot exit from {p.State}");
        if (p == Init) ShutDown();
        p.SleepingOn?.Remove(p);
        var cpu = _dispatcher.ProcessorOf(p);
        if (cpu is not null) _dispatcher.Vacate(cpu, ProcessState.Zombie, cause);
        else LeaveWithoutCpu(p, cause);
        p.ExitStatus = status;
        p.TermSignal = signal;
        p.Time.Finish = _clock.Now;
        LiveCount--;
        Exiting?.Invoke(p);
        if (p != Init)
        {
            var reaper = ReaperOf(p);
            foreach (var orphan in OrphansOf(p)) Reparent(orphan, reaper);
            NotifyParent(p);
        }
        Reschedule();
    }

    /// <summary>A real init is exiting: nothing can adopt orphans any more, so every other process is killed.</summary>
    private void ShutDown()
    {
        foreach (var p in _table.All().Where(p => p.IsAlive && p != Init).ToList())
            if (p.IsAlive) Exit(p, KilledStatus, Cause.Killed, signal: 9);
    }

    /// <summary>
    /// Waits for a child of running process <paramref name="p"/>: any child, or
    /// the one with pid <paramref name="target"/>. With <paramref name="block"/>
    /// false it never blocks (<see cref="WaitOutcome.NotYet"/>): a real
    /// program's wait4 sleeps on its own and asks again when woken.
    /// </summary>
    public WaitResult Wait(Process p, int target = Process.AnyChild, bool block = true)
    {
        var child = target == Process.AnyChild ? p.NextZombieChild() : _table.Find(target);
        if (child is not null && child.Parent != p) child = null;
        if (child is { State: ProcessState.Zombie })
        {
            Reap(p, child);
            return new WaitResult(WaitOutcome.Reaped, child);
        }
        if (child is null && (target != Process.AnyChild || p.ChildCount == 0))
            return new WaitResult(WaitOutcome.NoChild);
        if (!block) return new WaitResult(WaitOutcome.NotYet);
        p.WaitingFor = target;
        Block(p, Cause.WaitForChild);
        return new WaitResult(WaitOutcome.Blocked);
    }

    /// <summary>Destroys process <paramref name="pid"/> whatever it is doing. False if there is no such live process.</summary>
    public bool Kill(int pid)
    {
        if (_table.Find(pid) is not { IsAlive: true } p || p == Init) return false;
        Exit(p, KilledStatus, Cause.Killed);
        return true;
    }

    /// <summary>Suspends <paramref name="pid"/>: it gets no CPU until continued. A blocked process stops when it wakes.</summary>
    public bool Stop(int pid)
    {
        if (_table.Find(pid) is not { } p || p == Init) return false;
        switch (p.State)
        {
            case ProcessState.Ready:
                _policy.Remove(p);
                _trace.Move(p, ProcessState.Stopped, Cause.StopRequested);
                return true;
            case ProcessState.Running:
                Block(p, Cause.StopRequested, ProcessState.Stopped);
                return true;
            case ProcessState.Blocked:
                p.StopPending = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Resumes a stopped process, or cancels a stop still pending.</summary>
    public bool Continue(int pid)
    {
        switch (_table.Find(pid))
        {
            case { State: ProcessState.Stopped } p:
                MakeReady(p, Cause.ContinueRequested);
                Reschedule();
                return true;
            case { State: ProcessState.Blocked, StopPending: true } p:
                p.StopPending = false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Marks <paramref name="pid"/> as a child subreaper (Linux's prctl
    /// PR_SET_CHILD_SUBREAPER): orphans below it are adopted by it, not by init.
    /// </summary>
    public bool SetSubreaper(int pid, bool on = true)
    {
        if (_table.Find(pid) is not { IsAlive: true } p || p == Init) return false;
        p.IsSubreaper = on;
        return true;
    }

    /// <summary>Sets the nice value, clamped to [-20, 19].</summary>
    public bool SetNice(int pid, int nice)
    {
        if (_table.Find(pid) is not { IsAlive: true } p) return false;
        p.Nice = Math.Clamp(nice, MinNice, MaxNice);
        return true;
    }

    /// <summary>ps: every process in the table, in pid order.</summary>
    public IReadOnlyList<ProcessStatus> Status() => [.. _table.All().Select(ProcessStatus.Of)];

    /// <summary>Blocked process <paramref name="p"/>'s event happened: it is Ready again, or Stopped if a stop is pending.</summary>
    internal void Wake(Process p, Cause cause)
    {
        var held = _dispatcher.ProcessorOf(p);
        if (p.StopPending)
        {
            p.StopPending = false;
            _trace.Move(p, ProcessState.Stopped, cause);
            if (held is not null) _dispatcher.Unhold(held);
            return;
        }
        MakeReady(p, cause);
    }

    internal void Arrive(Process p) => MakeReady(p, Cause.Admitted);

    /// <summary>
    /// After processes became Ready (unless assignment waits for the tick's start): no CPU stays free while one is Ready (work
    /// conservation), and a running process the policy wants preempted is.
    /// </summary>
    internal void Reschedule()
    {
        if (!_dispatcher.Options.AssignAtTickStart) AssignFreeCpus();
    }

    /// <summary>One assignment round: each CPU in the dispatcher's order gets the policy's choice if free.</summary>
    internal void AssignFreeCpus()
    {
        foreach (var cpu in _dispatcher.AssignmentOrder())
        {
            if (_policy.ReadyCount == 0) return;
            if (cpu.IsRunning && !cpu.Unsettled && _policy.ShouldPreempt(cpu.Current!, _dispatcher.TicksRun(cpu)))
                _dispatcher.Vacate(cpu, ProcessState.Ready, Cause.Preempted);
            _dispatcher.Fill(cpu);
        }
    }

    private void MakeReady(Process p, Cause cause)
    {
        _trace.Move(p, ProcessState.Ready, cause);
        if (cause == Cause.Admitted) _policy.Admit(p);
        else _policy.OnWoken(p);
    }

    internal void Block(Process p, Cause cause, ProcessState to = ProcessState.Blocked)
    {
        var cpu = _dispatcher.ProcessorOf(p) ?? throw new KernelBugException($"{p} is not on a CPU");
        _dispatcher.Vacate(cpu, to, cause);
        _dispatcher.Refill(cpu);
    }

    private int[] CheckAffinity(string name, IEnumerable<int> affinity)
    {
        int[] cpus = [.. affinity.Distinct().Order()];
        var count = _dispatcher.Processors.Count;
        if (cpus.Length == 0) throw new ArgumentException($"the affinity of {name} names no CPU");
        if (cpus[0] < 0 || cpus[^1] >= count)
            throw new ArgumentException($"the affinity of {name} names CPU {(cpus[0] < 0 ? cpus[0] : cpus[^1])}, but the CPUs are 0 to {count - 1}");
        return cpus;
    }

    private void Register(Process p, Process parent)
    {
        _table.Add(p);
        _created.Add(p);
        parent.AdoptChild(p);
        LiveCount++;
    }

    private void LeaveWithoutCpu(Process p, Cause cause)
    {
        if (p.State == ProcessState.Ready) _policy.Remove(p);
        _trace.Move(p, ProcessState.Zombie, cause);
        _policy.OnExited(p);
    }

    /// <summary>The nearest ancestor of <paramref name="p"/> that is a subreaper; init if none is.</summary>
    private Process ReaperOf(Process p)
    {
        for (var a = p.Parent; a is not null && a != Init; a = a.Parent)
            if (a.IsSubreaper) return a;
        return Init;
    }

    private Process[] OrphansOf(Process p)
    {
        if (_orphans == OrphanAdoption.Children) return [.. p.Children];
        var subtree = new List<Process>();
        CollectDescendants(p, subtree);
        return [.. subtree];
    }

    private static void CollectDescendants(Process p, List<Process> preorder)
    {
        foreach (var child in p.Children)
        {
            preorder.Add(child);
            CollectDescendants(child, preorder);
        }
    }

    private void Reparent(Process child, Process reaper)
    {
        child.Parent!.ForgetChild(child);
        reaper.AdoptChild(child);
        _trace.Emit(new KernelEvent(_clock.Now, EventKind.Reparented, child.Pid, Other: reaper.Pid));
        if (child.State == ProcessState.Zombie) NotifyParent(child);
    }

    private void NotifyParent(Process p)
    {
        var parent = p.Parent!;
        if (parent == Init && _residentInit)
        {
            Reap(Init, p);
            return;
        }
        if (parent.State == ProcessState.Blocked && (parent.WaitingFor == Process.AnyChild || parent.WaitingFor == p.Pid))
        {
            Reap(parent, p);
            parent.WaitingFor = 0;
            Wake(parent, Cause.ChildExited);
            return;
        }
        parent.NoteZombieChild(p);
        parent.ChildExits?.WakeAll();
        ChildExited?.Invoke(parent, p);
    }

    /// <summary>Called when a child of a process exits and waits to be reaped: the signal layer sends SIGCHLD.</summary>
    public event Action<Process, Process>? ChildExited;

    /// <summary>Where <paramref name="p"/> sleeps until one of its children exits.</summary>
    public WaitQueue ChildExitsOf(Process p) => p.ChildExits ??= new WaitQueue(this);

    private void Reap(Process parent, Process child)
    {
        parent.ForgetChild(child);
        _table.Remove(child);
        _trace.Emit(new KernelEvent(_clock.Now, EventKind.Reaped, child.Pid, Other: parent.Pid, Value: child.ExitStatus));
    }
}
