using Timeshare.Kernel.Events;
using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Signals;

/// <summary>
/// Sends signals and acts on them. Whenever the kernel runs, every process's
/// registers are saved in its context, so a signal acts on its target at once
/// (ends it, stops it, or rewrites its context to enter the handler) — except
/// for two kinds of process, whose signals stay pending until
/// <see cref="Deliver"/> is called for them:
/// <list type="bullet">
/// <item>the caller of the system call being served, whose a0 and pc the
/// call layer still writes: it delivers at the end of the call;</item>
/// <item>a process on another CPU whose own stop the kernel has not handled
/// yet (its CPU is unsettled): the kernel delivers them once it has.</item>
/// </list>
/// </summary>
public sealed class SignalDelivery
{
    private const int Ecall = 4, A0 = 10;
    private readonly Kernel _kernel;
    /// <summary>The process whose system call is being served, if any.</summary>
    private Process? _serving;

    public SignalDelivery(Kernel kernel)
    {
        _kernel = kernel;
        kernel.Api.ChildExited += (parent, child) => Send(parent, Signal.Chld, SignalInfo.OfChild(child));
        kernel.Api.Forked += (parent, child) => child.Signals = parent.Signals.Forked();
    }

    private ProcessApi Api => _kernel.Api;

    /// <summary>
    /// Sends <paramref name="signal"/> to <paramref name="p"/>. SIGCONT resumes
    /// a stopped process right away whatever its disposition, and a stop
    /// signal cancels a pending SIGCONT (and the reverse). An ignored signal
    /// that is not blocked is dropped here (a blocked one waits: it may be
    /// caught by the time it is unblocked). Init, like Linux's, gets only the
    /// signals it catches: not even SIGKILL ends it.
    /// </summary>
    public void Send(Process p, int signal, SignalInfo info)
    {
        if (!p.IsAlive) return;
        var state = p.Signals;
        var bit = Signal.Bit(signal);
        if (signal == Signal.Cont)
        {
            state.Discard(Signal.Stopping);
            Api.Continue(p.Pid);
        }
        if ((bit & Signal.Stopping) != 0) state.Discard(Signal.Bit(Signal.Cont));
        var dropped = p == Api.Init ? !state.ActionOf(signal).IsHandler : state.IsIgnored(signal) && (state.Blocked & bit) == 0;
        if (dropped)
        {
            Emit(p, signal);
            return;
        }
        state.Post(signal, info);
        if (MayActOn(p)) Deliver(p);
    }

    /// <summary>
    /// A synchronous fault signal (SIGSEGV, SIGILL, ...): the program cannot go
    /// on without it, so one blocked or ignored reverts to its default action and kills.
    /// </summary>
    /// <param name="address">si_addr: what the fault was about.</param>
    public void Force(Process p, int signal, ulong address)
    {
        var state = p.Signals;
        var bit = Signal.Bit(signal);
        if ((state.Blocked & bit) != 0 || state.ActionOf(signal).IsIgnore)
        {
            state.Blocked &= ~bit;
            state.SetAction(signal, Disposition.Default);
        }
        state.Post(signal, new SignalInfo(SignalInfo.Kernel, Address: address));
        Deliver(p);
    }

    /// <summary>Serving <paramref name="p"/>'s system call: signals to it wait for <see cref="EndCall"/>.</summary>
    public void BeginCall(Process p) => _serving = p;

    /// <summary>
    /// The call's result is in place: the caller's pending signals act now. A
    /// sigsuspend that returned at once and ran no handler (its signal was
    /// ignored after all) gets its mask back here.
    /// </summary>
    public void EndCall(Process p)
    {
        _serving = null;
        Deliver(p);
        if (p.State == ProcessState.Running && p.Signals.SuspendedMask is { } mask)
        {
            p.Signals.Blocked = mask;
            p.Signals.SuspendedMask = null;
        }
    }

    /// <summary>
    /// Acts on <paramref name="p"/>'s deliverable signals, lowest first. A
    /// stopped process takes only those that end it; the rest wait for SIGCONT.
    /// Each handler's frame goes on top of the last, so the last pushed runs first.
    /// </summary>
    public void Deliver(Process p)
    {
        while (p.IsAlive)
        {
            var state = p.Signals;
            var among = p.State == ProcessState.Stopped ? state.Fatal : ~0UL;
            var signal = state.TakeNext(among, out var info);
            if (signal == 0) return;
            Act(p, signal, info);
        }
    }

    private bool MayActOn(Process p) =>
        p != _serving && _kernel.Dispatcher.ProcessorOf(p) is not { Unsettled: true };

    private void Act(Process p, int signal, SignalInfo info)
    {
        Emit(p, signal);
        var action = signal == Signal.Kill ? Disposition.Default : p.Signals.ActionOf(signal);
        if (action.IsHandler)
        {
            RunHandler(p, signal, info, action);
            return;
        }
        if (action.IsIgnore) return;
        switch (DefaultActions.Of(signal))
        {
            case DefaultAction.Terminate:
                Kill(p, signal);
                break;
            case DefaultAction.Stop:
                Api.Stop(p.Pid);
                break;
        }
    }

    private void Kill(Process p, int signal) => Api.Exit(p, 128 + signal, Cause.Signaled, signal);

    /// <summary>
    /// Enters the handler: a sleep in progress is interrupted, the context and
    /// the mask to restore are pushed, and while the handler runs it also
    /// blocks sa_mask and (unless SA_NODEFER) the signal itself. A stack that
    /// cannot take the frame ends the process with SIGSEGV.
    /// </summary>
    private void RunHandler(Process p, int signal, SignalInfo info, Disposition action)
    {
        var program = (HartExecutor)p.Executor;
        var state = p.Signals;
        var wasAsleep = Interrupt(p, program, action.Has(Disposition.Restart));
        var restore = state.SuspendedMask ?? state.Blocked;
        if (!SignalFrame.Push(program.Space, program.Context, signal, info, restore, action.Handler))
        {
            Kill(p, Signal.Segv);
            return;
        }
        state.SuspendedMask = null;
        state.Blocked |= action.Mask | (action.Has(Disposition.NoDefer) ? 0 : Signal.Bit(signal));
        if (action.Has(Disposition.ResetHand)) state.SetAction(signal, Disposition.Default);
        if (wasAsleep) Wake(p);
    }

    /// <summary>
    /// Ends the sleep of a blocked process. One on a wait queue is still at
    /// its ecall: SA_RESTART leaves it there, to run the call again after the
    /// handler; otherwise the call returns EINTR. One blocked off any queue
    /// (nanosleep, sigsuspend) already returned: its timer is cancelled and
    /// the result becomes EINTR. True if the process was asleep.
    /// </summary>
    private static bool Interrupt(Process p, HartExecutor program, bool restart)
    {
        if (p.State != ProcessState.Blocked) return false;
        var context = program.Context;
        if (p.SleepingOn is { } queue)
        {
            queue.Remove(p);
            if (restart) return true;
            context.Pc += Ecall;
        }
        else p.Sleeps++;
        context.X[A0] = unchecked((ulong)-Errno.Interrupted);
        return true;
    }

    private void Wake(Process p)
    {
        Api.Wake(p, Cause.Interrupted);
        Api.Reschedule();
    }

    private void Emit(Process p, int signal)
    {
        if (_kernel.Trace.Enabled)
            _kernel.Trace.Emit(new KernelEvent(_kernel.Clock.Now, EventKind.Signal, p.Pid, p.Cpu, Value: signal));
    }
}
