using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Tests;

public class StateTransitionsTests
{
    [Theory]
    [InlineData(ProcessState.New, ProcessState.Ready)]
    [InlineData(ProcessState.Ready, ProcessState.Running)]
    [InlineData(ProcessState.Running, ProcessState.Ready)]
    [InlineData(ProcessState.Running, ProcessState.Blocked)]
    [InlineData(ProcessState.Blocked, ProcessState.Ready)]
    [InlineData(ProcessState.Running, ProcessState.Zombie)]
    [InlineData(ProcessState.Running, ProcessState.Stopped)]
    [InlineData(ProcessState.Stopped, ProcessState.Ready)]
    [InlineData(ProcessState.Blocked, ProcessState.Stopped)]
    public void The_textbook_transitions_are_legal(ProcessState from, ProcessState to) =>
        Assert.True(StateTransitions.IsLegal(from, to));

    [Theory]
    [InlineData(ProcessState.New, ProcessState.Running)]
    [InlineData(ProcessState.Ready, ProcessState.Blocked)]
    [InlineData(ProcessState.Blocked, ProcessState.Running)]
    [InlineData(ProcessState.Zombie, ProcessState.Ready)]
    [InlineData(ProcessState.Stopped, ProcessState.Running)]
    [InlineData(ProcessState.Running, ProcessState.Running)]
    public void Shortcuts_are_kernel_bugs(ProcessState from, ProcessState to)
    {
        Assert.False(StateTransitions.IsLegal(from, to));
        var bug = Assert.Throws<KernelBugException>(() => StateTransitions.Check(7, from, to));
        Assert.Contains("pid 7", bug.Message);
    }

    [Fact]
    public void A_zombie_never_changes_again()
    {
        foreach (var to in Enum.GetValues<ProcessState>())
            Assert.False(StateTransitions.IsLegal(ProcessState.Zombie, to));
    }
}
