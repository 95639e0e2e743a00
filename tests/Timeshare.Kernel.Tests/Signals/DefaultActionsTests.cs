using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Tests.Signals;

public class DefaultActionsTests
{
    [Theory]
    [InlineData(1, DefaultAction.Terminate)]   // SIGHUP
    [InlineData(6, DefaultAction.Terminate)]   // SIGABRT dumps core on Linux: here it just terminates
    [InlineData(9, DefaultAction.Terminate)]
    [InlineData(11, DefaultAction.Terminate)]
    [InlineData(13, DefaultAction.Terminate)]
    [InlineData(15, DefaultAction.Terminate)]
    [InlineData(17, DefaultAction.Ignore)]     // SIGCHLD
    [InlineData(18, DefaultAction.Continue)]   // SIGCONT
    [InlineData(19, DefaultAction.Stop)]       // SIGSTOP
    [InlineData(20, DefaultAction.Stop)]
    [InlineData(21, DefaultAction.Stop)]
    [InlineData(22, DefaultAction.Stop)]
    [InlineData(23, DefaultAction.Ignore)]     // SIGURG
    [InlineData(28, DefaultAction.Ignore)]     // SIGWINCH
    [InlineData(34, DefaultAction.Terminate)]  // SIGRTMIN
    [InlineData(64, DefaultAction.Terminate)]
    public void Each_signal_has_linuxs_default_action(int signal, DefaultAction expected) =>
        Assert.Equal(expected, DefaultActions.Of(signal));

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void There_is_no_default_for_a_signal_that_does_not_exist(int signal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultActions.Of(signal));
}
