using Timeshare.Kernel;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Ostep.Fork;

/// <summary>
/// fork.py's processes as kernel processes. Each runs a directed program;
/// an action is a system call the process makes when the scheduler next
/// runs it. The root is a child subreaper, so orphans come to it rather than
/// to init; with local reparenting every process is one, so orphans go to
/// the exiting process's parent, the nearest subreaper above it.
/// </summary>
public sealed class KernelProcessTree
{
    private readonly Kernel.Kernel _kernel;
    private readonly bool _localReparent;
    /// <summary>fork.py's name of each kernel process, by pid.</summary>
    private readonly Dictionary<int, string> _names = [];

    public KernelProcessTree(string rootName, bool localReparent)
    {
        _localReparent = localReparent;
        _kernel = new Kernel.Kernel(new KernelConfig
        {
            Policy = new RoundRobin(1),
            Orphans = localReparent ? OrphanAdoption.Children : OrphanAdoption.WholeSubtree,
        });
        Root = _kernel.Spawn(rootName, new DirectedProgram());
        _kernel.Api.SetSubreaper(Root.Pid);
        _names[Root.Pid] = rootName;
    }

    public Process Root { get; }

    public string NameOf(Process p) => _names[p.Pid];

    /// <summary>The newest live process called <paramref name="name"/>, if any.</summary>
    public Process? Find(string name)
    {
        var created = _kernel.Api.Created;
        for (var i = created.Count - 1; i >= 0; i--)
            if (created[i].IsAlive && _names[created[i].Pid] == name) return created[i];
        return null;
    }

    public void Fork(Process parent, string childName)
    {
        Direct(parent, new KernelCall(CallKind.Fork));
        var child = _kernel.Api.Created[^1];
        _names[child.Pid] = childName;
        if (_localReparent) _kernel.Api.SetSubreaper(child.Pid);
    }

    /// <summary><paramref name="p"/> exits and its parent, told of it, reaps it, so the tree holds live processes only.</summary>
    public void Exit(Process p)
    {
        var parent = p.Parent!;
        Direct(p, new KernelCall(CallKind.Exit));
        Direct(parent, new KernelCall(CallKind.Wait, Process.AnyChild));
    }

    /// <summary>Runs the kernel, a tick at a time, until <paramref name="p"/> has been scheduled and made the call.</summary>
    private void Direct(Process p, KernelCall call)
    {
        var program = (DirectedProgram)p.Executor;
        program.Request(call);
        // The root computes forever, so the kernel only ever pauses here; anything else is a bug.
        while (program.HasRequest)
            if (_kernel.Run(_kernel.Ticks + 1) != RunOutcome.Paused) throw new InvalidOperationException($"the kernel stopped before {p} made its {call.Kind} call");
    }
}
