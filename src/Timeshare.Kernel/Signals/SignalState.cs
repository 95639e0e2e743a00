namespace Timeshare.Kernel.Signals;

/// <summary>
/// One process's signals: a disposition per signal, the blocked mask and the
/// pending set (standard signals do not queue: one pending instance each,
/// with the info of the first send).
/// </summary>
public sealed class SignalState
{
    /// <summary>Indexed by signal number; entry 0 is unused.</summary>
    private readonly Disposition[] _actions = new Disposition[Signal.Count + 1];
    private readonly SignalInfo[] _info = new SignalInfo[Signal.Count + 1];
    private ulong _blocked;

    /// <summary>Never contains SIGKILL or SIGSTOP.</summary>
    public ulong Blocked
    {
        get => _blocked;
        set => _blocked = value & ~Signal.Unblockable;
    }

    public ulong Pending { get; private set; }

    /// <summary>Pending and not blocked: these act when the process next can.</summary>
    public ulong Deliverable => Pending & ~Blocked;

    /// <summary>
    /// The mask to restore when the handler that ends a sigsuspend returns;
    /// null when no sigsuspend is waiting. Set from sigsuspend until its handler's frame is pushed.
    /// </summary>
    public ulong? SuspendedMask { get; set; }

    public Disposition ActionOf(int signal) => _actions[signal];

    /// <summary>
    /// Sets the disposition of a catchable signal and returns the old one. A
    /// signal that becomes ignored loses its pending instance, as POSIX says.
    /// </summary>
    public Disposition SetAction(int signal, Disposition action)
    {
        if ((Signal.Bit(signal) & Signal.Unblockable) != 0)
            throw new ArgumentException($"signal {signal} cannot be caught or ignored", nameof(signal));
        var old = _actions[signal];
        _actions[signal] = action;
        if (IsIgnored(signal)) Discard(Signal.Bit(signal));
        return old;
    }

    /// <summary>Ignored explicitly, or left to a default action of ignoring.</summary>
    public bool IsIgnored(int signal) =>
        _actions[signal].IsIgnore || (_actions[signal].IsDefault && DefaultActions.Of(signal) == DefaultAction.Ignore);

    /// <summary>The signals that would run a handler.</summary>
    public ulong Caught => Where(a => a.IsHandler);

    /// <summary>The signals that would end the process: SIGKILL and those left to a default action of terminating.</summary>
    public ulong Fatal => Signal.Bit(Signal.Kill) | (Where(a => a.IsDefault) & Terminating);

    private static readonly ulong Terminating = TerminatingSignals();

    private ulong Where(Func<Disposition, bool> test)
    {
        var set = 0UL;
        for (var s = 1; s <= Signal.Count; s++)
            if (test(_actions[s])) set |= Signal.Bit(s);
        return set;
    }

    private static ulong TerminatingSignals()
    {
        var set = 0UL;
        for (var s = 1; s <= Signal.Count; s++)
            if (DefaultActions.Of(s) == DefaultAction.Terminate) set |= Signal.Bit(s);
        return set;
    }

    /// <summary>Marks <paramref name="signal"/> pending; a second send while pending is merged into the first.</summary>
    public void Post(int signal, SignalInfo info)
    {
        var bit = Signal.Bit(signal);
        if ((Pending & bit) != 0) return;
        Pending |= bit;
        _info[signal] = info;
    }

    public void Discard(ulong set) => Pending &= ~set;

    /// <summary>Takes the lowest-numbered deliverable signal in <paramref name="among"/> off the pending set; 0 if there is none.</summary>
    public int TakeNext(ulong among, out SignalInfo info)
    {
        var signal = Signal.Lowest(Deliverable & among);
        info = signal == 0 ? default : _info[signal];
        if (signal != 0) Discard(Signal.Bit(signal));
        return signal;
    }

    /// <summary>A fork's child: the same dispositions and mask, nothing pending.</summary>
    public SignalState Forked()
    {
        var child = new SignalState { _blocked = _blocked };
        _actions.CopyTo(child._actions, 0);
        return child;
    }

    /// <summary>exec: the handlers are gone with the old program, so caught signals revert to default; ignored ones, the mask and pending signals stay.</summary>
    public void ResetForExec()
    {
        for (var s = 1; s <= Signal.Count; s++)
            if (_actions[s].IsHandler) _actions[s] = Disposition.Default;
        SuspendedMask = null;
    }
}
