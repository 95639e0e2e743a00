using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Tests.Signals;

public class SignalStateTests
{
    private static readonly Disposition Handler = new(0x1000, Disposition.SigInfo, Signal.Bit(Signal.Usr2));

    [Fact]
    public void Sigkill_and_sigstop_can_never_be_blocked()
    {
        var state = new SignalState { Blocked = ~0UL };
        Assert.Equal(~Signal.Unblockable, state.Blocked);
        Assert.Equal(0UL, state.Blocked & Signal.Bit(Signal.Kill));
        Assert.Equal(0UL, state.Blocked & Signal.Bit(Signal.Stop));
    }

    [Fact]
    public void Sigkill_and_sigstop_cannot_be_caught_or_ignored()
    {
        var state = new SignalState();
        Assert.Throws<ArgumentException>(() => state.SetAction(Signal.Kill, Handler));
        Assert.Throws<ArgumentException>(() => state.SetAction(Signal.Stop, new Disposition(Disposition.SigIgnore)));
    }

    [Fact]
    public void A_blocked_signal_stays_pending_until_unblocked()
    {
        var state = new SignalState { Blocked = Signal.Bit(Signal.Usr1) };
        state.Post(Signal.Usr1, new SignalInfo(SignalInfo.User, 7));
        Assert.Equal(Signal.Bit(Signal.Usr1), state.Pending);
        Assert.Equal(0, state.TakeNext(~0UL, out _));
        state.Blocked = 0;
        Assert.Equal(Signal.Usr1, state.TakeNext(~0UL, out var info));
        Assert.Equal(7, info.Pid);
        Assert.Equal(0UL, state.Pending);
    }

    [Fact]
    public void Standard_signals_do_not_queue_and_the_lowest_goes_first()
    {
        var state = new SignalState();
        state.Post(Signal.Term, new SignalInfo(SignalInfo.User, 1));
        state.Post(Signal.Term, new SignalInfo(SignalInfo.User, 2));
        state.Post(Signal.Usr1, new SignalInfo(SignalInfo.User, 3));
        Assert.Equal(Signal.Usr1, state.TakeNext(~0UL, out _));
        Assert.Equal(Signal.Term, state.TakeNext(~0UL, out var info));
        Assert.Equal(1, info.Pid);
        Assert.Equal(0, state.TakeNext(~0UL, out _));
    }

    [Fact]
    public void Setting_a_signal_to_ignore_discards_its_pending_instance()
    {
        var state = new SignalState { Blocked = Signal.Bit(Signal.Usr1) };
        state.Post(Signal.Usr1, default);
        var old = state.SetAction(Signal.Usr1, new Disposition(Disposition.SigIgnore));
        Assert.Equal(Disposition.Default, old);
        Assert.Equal(0UL, state.Pending);
        Assert.True(state.IsIgnored(Signal.Usr1));
    }

    [Fact]
    public void Signals_ignored_by_default_count_as_ignored_until_caught()
    {
        var state = new SignalState();
        Assert.True(state.IsIgnored(Signal.Chld));
        Assert.False(state.IsIgnored(Signal.Term));
        state.SetAction(Signal.Chld, Handler);
        Assert.False(state.IsIgnored(Signal.Chld));
        Assert.Equal(Signal.Bit(Signal.Chld), state.Caught);
    }

    [Fact]
    public void Fatal_signals_are_sigkill_and_the_uncaught_terminating_ones()
    {
        var state = new SignalState();
        state.SetAction(Signal.Term, Handler);
        state.SetAction(Signal.Int, new Disposition(Disposition.SigIgnore));
        var fatal = state.Fatal;
        Assert.NotEqual(0UL, fatal & Signal.Bit(Signal.Kill));
        Assert.NotEqual(0UL, fatal & Signal.Bit(Signal.Usr1));
        Assert.Equal(0UL, fatal & Signal.Bit(Signal.Term));
        Assert.Equal(0UL, fatal & Signal.Bit(Signal.Int));
        Assert.Equal(0UL, fatal & Signal.Bit(Signal.Chld));
        Assert.Equal(0UL, fatal & Signal.Bit(Signal.Stop));
    }

    [Fact]
    public void A_fork_child_keeps_dispositions_and_mask_but_nothing_pending()
    {
        var parent = new SignalState { Blocked = Signal.Bit(Signal.Usr2) };
        parent.SetAction(Signal.Usr1, Handler);
        parent.Post(Signal.Term, default);
        var child = parent.Forked();
        Assert.Equal(Handler, child.ActionOf(Signal.Usr1));
        Assert.Equal(parent.Blocked, child.Blocked);
        Assert.Equal(0UL, child.Pending);
        child.SetAction(Signal.Usr1, Disposition.Default);
        Assert.Equal(Handler, parent.ActionOf(Signal.Usr1));
    }

    [Fact]
    public void Exec_resets_handlers_but_keeps_ignored_signals_the_mask_and_pending_ones()
    {
        var state = new SignalState { Blocked = Signal.Bit(Signal.Usr2) };
        state.SetAction(Signal.Usr1, Handler);
        state.SetAction(Signal.Pipe, new Disposition(Disposition.SigIgnore));
        state.Post(Signal.Usr2, default);
        state.SuspendedMask = 0;
        state.ResetForExec();
        Assert.Equal(Disposition.Default, state.ActionOf(Signal.Usr1));
        Assert.True(state.ActionOf(Signal.Pipe).IsIgnore);
        Assert.Equal(Signal.Bit(Signal.Usr2), state.Blocked);
        Assert.Equal(Signal.Bit(Signal.Usr2), state.Pending);
        Assert.Null(state.SuspendedMask);
    }
}
