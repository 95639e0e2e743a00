using Timeshare.Kernel.Execution;

namespace Timeshare.Ostep.Fork;

/// <summary>
/// A program that computes forever until the front-end tells it which
/// system call to make next; it makes that call the next time it runs. Its
/// forked children are directed programs too.
/// </summary>
public sealed class DirectedProgram : IExecutor
{
    private KernelCall? _request;

    public bool IsFinished => false;
    public KernelCall PendingCall { get; private set; }
    /// <summary>True from <see cref="Request"/> until the program has run and made the call.</summary>
    public bool HasRequest => _request is not null;

    public void Request(KernelCall call) =>
        _request = _request is null ? call : throw new InvalidOperationException("one request at a time");

    /// <summary>Ticks are one cycle here: a call takes one, computing takes the whole budget at any speed.</summary>
    public RunResult Run(long budget, int speed)
    {
        if (_request is not { } call) return new RunResult(budget, budget, StopReason.SliceExpired);
        PendingCall = call;
        _request = null;
        return new RunResult(1, 1, StopReason.Call);
    }

    public IExecutor ForkChild() => PendingCall.Kind == CallKind.Fork
        ? new DirectedProgram()
        : throw new InvalidOperationException("ForkChild without a pending fork");
}
