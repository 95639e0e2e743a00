using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// A double-ended queue of processes with O(1) push, pop and removal of any
/// member. Each pid owns one list node, reused on every enqueue, so queueing
/// allocates nothing once a process has been queued once.
/// </summary>
public sealed class ReadyQueue
{
    private readonly LinkedList<Process> _list = new();
    private LinkedListNode<Process>?[] _nodes = new LinkedListNode<Process>?[64];

    public int Count => _list.Count;

    public void PushBack(Process p) => _list.AddLast(NodeOf(p));

    public void PushFront(Process p) => _list.AddFirst(NodeOf(p));

    public Process? PopFront()
    {
        var first = _list.First;
        if (first is null) return null;
        _list.Remove(first);
        return first.Value;
    }

    public void Remove(Process p)
    {
        var node = p.Pid < _nodes.Length ? _nodes[p.Pid] : null;
        if (node?.List != _list) throw new KernelBugException($"{p} is not queued");
        _list.Remove(node);
    }

    /// <summary>Drops the node of an exited process.</summary>
    public void Forget(Process p)
    {
        if (p.Pid < _nodes.Length) _nodes[p.Pid] = null;
    }

    private LinkedListNode<Process> NodeOf(Process p)
    {
        if (p.Pid >= _nodes.Length) Array.Resize(ref _nodes, Math.Max(_nodes.Length * 2, p.Pid + 1));
        var node = _nodes[p.Pid] ??= new LinkedListNode<Process>(p);
        if (node.List is not null) throw new KernelBugException($"{p} is queued twice");
        return node;
    }
}
