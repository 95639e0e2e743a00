using System.Runtime.CompilerServices;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Events;

/// <summary>
/// The kernel's event stream. Every state change goes through
/// <see cref="Move"/>, so every transition is both checked and seen.
/// </summary>
public sealed class Trace(Clock clock)
{
    private IKernelObserver[] _observers = [];

    public void Attach(IKernelObserver observer)
    {
        _observers = [.. _observers, observer];
        Enabled = true;
    }

    /// <summary>False when nobody listens: callers may then skip building an event.</summary>
    public bool Enabled { get; private set; }

    public void Emit(in KernelEvent e)
    {
        foreach (var o in _observers) o.OnEvent(e);
    }

    /// <summary>Builds and emits an event out of line: the hot paths that may emit one stay small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Emit(EventKind kind, int pid, int cpu, int other = 0) => Emit(new KernelEvent(clock.Now, kind, pid, cpu, Other: other));

    public void Move(Process p, ProcessState to, Cause cause)
    {
        var from = p.State;
        p.MoveTo(to, clock.Now);
        if (Enabled) EmitMove(p, from, to, cause);
    }

    // Kept out of line: building an event would weigh on every state change, listened to or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitMove(Process p, ProcessState from, ProcessState to, Cause cause) =>
        Emit(new KernelEvent(clock.Now, EventKind.StateChanged, p.Pid, p.Cpu, from, to, cause));
}
