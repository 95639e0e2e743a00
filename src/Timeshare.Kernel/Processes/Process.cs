using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Processes;

/// <summary>
/// The process control block. The kernel changes it; policies only read it.
/// </summary>
public sealed class Process
{
    /// <summary>Wait target meaning "any child".</summary>
    public const int AnyChild = -1;

    private Accounting _time;
    private SignalState? _signals;
    // Made on first use: most processes never have a zombie child, and a small PCB keeps a sweep over 100,000 of them in cache.
    private Queue<Process>? _zombieChildren;
    private Process? _firstChild;
    private Process? _lastChild;
    private Process? _prevSibling;
    private Process? _nextSibling;
    /// <summary>True while in its parent's child list: from fork or adoption until reaped or handed on.</summary>
    private bool _listed;

    internal Process(int pid, string name, IExecutor executor, long arrival)
    {
        Pid = pid;
        Name = name;
        Executor = executor;
        StateSince = arrival;
        _time.Arrival = arrival;
        _time.FirstRun = -1;
        _time.Finish = -1;
    }

    /// <summary>
    /// The kernel-resident init of abstract runs: born asleep in wait(), it
    /// never takes a CPU, and the kernel reaps its children on its behalf.
    /// </summary>
    internal static Process ResidentInit(IExecutor nothing) =>
        new(ProcessTable.InitPid, "init", nothing, 0) { State = ProcessState.Blocked, WaitingFor = AnyChild };

    public int Pid { get; }
    public string Name { get; internal set; }
    /// <summary>Null only for init.</summary>
    public Process? Parent { get; private set; }
    /// <summary>
    /// In the order they became this process's children (forked, then
    /// adopted), as Linux keeps them: a doubly linked list of siblings, so that
    /// a child leaves in O(1) and the order survives.
    /// </summary>
    public IEnumerable<Process> Children
    {
        get
        {
            for (var c = _firstChild; c is not null; c = c._nextSibling) yield return c;
        }
    }

    public int ChildCount { get; private set; }
    /// <summary>Adopts the orphans of its exiting descendants instead of init (Linux's PR_SET_CHILD_SUBREAPER).</summary>
    public bool IsSubreaper { get; internal set; }
    public ProcessState State { get; private set; } = ProcessState.New;
    /// <summary>When the current state was entered.</summary>
    public long StateSince { get; private set; }
    /// <summary>The program and its saved context: a script or a RISC-V hart image.</summary>
    public IExecutor Executor { get; internal set; }
    /// <summary>Unix nice value, -20 (favoured) to 19.</summary>
    public int Nice { get; internal set; }
    /// <summary>The CPU ticks the job says it needs, for policies that plan by length (SJF, STCF); null if not declared.</summary>
    public long? DeclaredLength { get; internal set; }
    /// <summary>Lottery tickets; also the weight of stride scheduling.</summary>
    public int Tickets { get; internal set; } = 100;
    public ref Accounting Time => ref _time;
    public int ExitStatus { get; internal set; }
    /// <summary>Set while Blocked in wait: <see cref="AnyChild"/> or a pid; 0 otherwise.</summary>
    public int WaitingFor { get; internal set; }
    /// <summary>A stop request that arrived while Blocked; it takes effect on wake-up.</summary>
    public bool StopPending { get; internal set; }
    /// <summary>The signal that ended the process (its status is then 128 + it), 0 if it exited.</summary>
    public int TermSignal { get; internal set; }
    /// <summary>Set while Blocked on a wait queue (a system call that will be tried again when woken).</summary>
    public WaitQueue? SleepingOn { get; internal set; }
    /// <summary>Where wait4 sleeps until a child exits; made on first use.</summary>
    internal WaitQueue? ChildExits { get; set; }
    /// <summary>The working directory, an absolute canonical path; relative paths start here.</summary>
    public string WorkingDirectory { get; internal set; } = "/";
    /// <summary>A real program's open files; null for abstract ones.</summary>
    public Files.FileTable? Files { get; internal set; }
    /// <summary>A real program's signals: dispositions, mask, pending set. Made on first use; abstract processes never need them.</summary>
    public SignalState Signals
    {
        get => _signals ??= new();
        internal set => _signals = value;
    }
    /// <summary>Some signal is pending and not blocked; false without allocating for a process that never had signals.</summary>
    internal bool HasDeliverableSignals => _signals is { Deliverable: not 0 };
    /// <summary>Counts the sleeps begun: a timer ends the sleep it was set for, not a later one.</summary>
    internal long Sleeps { get; set; }
    /// <summary>How many children this process has forked; names them.</summary>
    internal int Forks { get; set; }
    /// <summary>The CPU the process runs on or last ran on, -1 before its first run.</summary>
    public int Cpu { get; internal set; } = -1;
    /// <summary>The CPUs the process may run on, ascending and distinct; null for any. Policies honour it.</summary>
    public IReadOnlyList<int>? Affinity { get; internal set; }
    /// <summary>The memory the process touches as it runs, in the cache model's units (0: none).</summary>
    public long WorkingSet { get; internal set; }

    public bool MayRunOn(int cpu) => Affinity is null || ContainsCpu(Affinity, cpu);

    public bool IsAlive => State != ProcessState.Zombie;

    // Inlined: every dispatch makes two moves, whose target states are then constants.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void MoveTo(ProcessState to, long now)
    {
        StateTransitions.Check(Pid, State, to);
        var spent = now - StateSince;
        switch (State)
        {
            case ProcessState.Ready: _time.Ready += spent; break;
            case ProcessState.Running: _time.Running += spent; break;
            case ProcessState.Blocked: _time.Blocked += spent; break;
            case ProcessState.Stopped: _time.Stopped += spent; break;
        }
        State = to;
        StateSince = now;
    }

    /// <summary>Appends <paramref name="child"/> to the child list.</summary>
    internal void AdoptChild(Process child)
    {
        child.Parent = this;
        child._prevSibling = _lastChild;
        child._nextSibling = null;
        if (_lastChild is null) _firstChild = child;
        else _lastChild._nextSibling = child;
        _lastChild = child;
        child._listed = true;
        ChildCount++;
    }

    internal void ForgetChild(Process child)
    {
        if (child.Parent != this || !child._listed) throw new KernelBugException($"{child} is not a child of {this}");
        if (child._prevSibling is null) _firstChild = child._nextSibling;
        else child._prevSibling._nextSibling = child._nextSibling;
        if (child._nextSibling is null) _lastChild = child._prevSibling;
        else child._nextSibling._prevSibling = child._prevSibling;
        child._prevSibling = child._nextSibling = null;
        child._listed = false;
        ChildCount--;
    }

    internal void NoteZombieChild(Process child) => (_zombieChildren ??= new()).Enqueue(child);

    /// <summary>The oldest zombie child that is still this process's child.</summary>
    internal Process? NextZombieChild()
    {
        while (_zombieChildren is { Count: > 0 })
        {
            var child = _zombieChildren.Peek();
            if (child.Parent == this && child._listed) return child;
            _zombieChildren.Dequeue();
        }
        return null;
    }

    private static bool ContainsCpu(IReadOnlyList<int> cpus, int cpu)
    {
        for (var i = 0; i < cpus.Count; i++)
            if (cpus[i] == cpu) return true;
        return false;
    }

    public override string ToString() => $"{Name}[{Pid}]";
}
