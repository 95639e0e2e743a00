using Timeshare.Kernel.Devices;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// The console of a generated program's run, formatting each printed line as
/// the runnable C file's printf does: whole seconds since the start, five
/// spaces per letter the writer's name is past 'a', then the text. A line
/// printed after a wait ends with the name of the child the wait reaped: the
/// C program looks it up by the pid wait returned; here the kernel's Reaped
/// event says who it was. Names come from the program, in fork order, as the
/// C program records them.
/// </summary>
public sealed class ProgramOutput(AsciiWriter output, long cyclesPerSecond) : IConsole, IKernelObserver
{
    private readonly Dictionary<int, string> _names = [];
    /// <summary>Per process name, its children's names in the order it forks them.</summary>
    private readonly Dictionary<string, Queue<string>> _children = [];
    /// <summary>Per pid, the child its last wait reaped, until its next line reports it.</summary>
    private readonly Dictionary<int, string> _reaped = [];

    public void Name(Process root, IReadOnlyList<ProgramAction> actions)
    {
        _names[root.Pid] = ProgramScripts.Root;
        var current = new Stack<string>([ProgramScripts.Root]);
        foreach (var a in actions)
        {
            if (a.Kind == ActionKind.Fork)
            {
                ChildrenOf(current.Peek()).Enqueue(a.Name);
                current.Push(a.Name);
            }
            else if (a.Kind == ActionKind.Exit) current.Pop();
        }
    }

    public void OnEvent(in KernelEvent e)
    {
        if (e.Kind == EventKind.Forked) _names[e.Other] = ChildrenOf(_names[e.Pid]).Dequeue();
        else if (e.Kind == EventKind.Reaped && _names.TryGetValue(e.Other, out _)) _reaped[e.Other] = _names[e.Pid];
    }

    public void Write(long time, Process writer, string text)
    {
        var name = _names[writer.Pid];
        output.Write(PyFormat.Format("%3d ", time / cyclesPerSecond));
        output.Pad(name.Length == 0 ? 0 : 5 * (name[0] - 'a'));
        output.Write(text);
        if (_reaped.Remove(writer.Pid, out var child)) output.Write(child);
        output.WriteLine();
    }

    private Queue<string> ChildrenOf(string name) =>
        _children.TryGetValue(name, out var q) ? q : _children[name] = new Queue<string>();
}
