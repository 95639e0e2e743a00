using Timeshare.Kernel.Execution;

namespace Timeshare.Kernel.Processes;

/// <summary>
/// The process control block. The kernel changes it; policies only read it.
/// </summary>
public sealed class Process
{
    /// <summary>Wait target meaning "any child".</summary>
    public const int AnyChild = -1;

    // Made on first use: most processes never fork, and a small PCB keeps a sweep over 100,000 of them in cache.
    private List<Process>? _children;
    private Queue<Process>? _zombieChildren;
    private Accounting _time;

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
    public string Name { get; }
    /// <summary>Null only for init.</summary>
    public Process? Parent { get; private set; }
    public IReadOnlyList<Process> Children => (IReadOnlyList<Process>?)_children ?? [];
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
    /// <summary>How many children this process has forked; names them.</summary>
    internal int Forks { get; set; }
    /// <summary>The CPU the process runs on or last ran on, -1 before its first run.</summary>
    public int Cpu { get; internal set; } = -1;

    internal int IndexInParent { get; private set; } = -1;

    public bool IsAlive => State != ProcessState.Zombie;

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

    internal void AdoptChild(Process child)
    {
        child.Parent = this;
        _children ??= [];
        child.IndexInParent = _children.Count;
        _children.Add(child);
        if (child.State == ProcessState.Zombie) NoteZombieChild(child);
    }

    /// <summary>Removes a child in O(1) by moving the last child into its slot.</summary>
    internal void ForgetChild(Process child)
    {
        var last = _children![^1];
        _children[child.IndexInParent] = last;
        last.IndexInParent = child.IndexInParent;
        _children.RemoveAt(_children.Count - 1);
        child.IndexInParent = -1;
    }

    internal void NoteZombieChild(Process child) => (_zombieChildren ??= new()).Enqueue(child);

    /// <summary>The oldest zombie child that is still this process's child.</summary>
    internal Process? NextZombieChild()
    {
        while (_zombieChildren is { Count: > 0 })
        {
            var child = _zombieChildren.Peek();
            if (child.Parent == this && child.IndexInParent >= 0) return child;
            _zombieChildren.Dequeue();
        }
        return null;
    }

    public override string ToString() => $"{Name}[{Pid}]";
}
