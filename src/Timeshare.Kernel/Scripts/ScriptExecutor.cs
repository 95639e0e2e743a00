using Timeshare.Kernel.Execution;

namespace Timeshare.Kernel.Scripts;

/// <summary>
/// Runs a <see cref="Script"/>: a cpu step is units of work, one per tick at
/// speed 1, and every other step is a one-tick call into the kernel. A tick
/// that finishes a step early is spent whole. Its saved context is the step index and
/// the ticks left in the current cpu step; the step list is read only when a
/// step begins, so a long computation touches nothing but this object.
/// </summary>
public sealed class ScriptExecutor : IExecutor
{
    private readonly Step[] _steps;
    private readonly long _tick;
    private readonly int _count;
    private int _next;
    private long _cpuLeft;

    public ScriptExecutor(Script script, long cyclesPerTick = 1)
    {
        if (cyclesPerTick <= 0) throw new ArgumentOutOfRangeException(nameof(cyclesPerTick));
        _steps = [.. script.Steps];
        _count = _steps.Length;
        _tick = cyclesPerTick;
        LoadStep();
    }

    public bool IsFinished => _next == _count;
    public KernelCall PendingCall { get; private set; }
    /// <summary>Units of work left in the current cpu step; 0 when the current step is not one.</summary>
    public long WorkLeft => _cpuLeft;

    /// <summary>Runs whole ticks; the kernel's budgets are at least one tick.</summary>
    public RunResult Run(long budget, int speed)
    {
        // The common case, a computation that outlasts the budget, is small enough to inline into the kernel's loop.
        if (_tick == 1 && speed == 1 && _cpuLeft > budget)
        {
            _cpuLeft -= budget;
            return new RunResult(budget, budget, StopReason.SliceExpired);
        }
        return RunSteps(budget, speed);
    }

    private RunResult RunSteps(long budget, int speed)
    {
        if (speed < 1) throw new ArgumentOutOfRangeException(nameof(speed), "the speed is at least one unit per tick");
        // A program with nothing left still holds the CPU until the kernel's
        // next entry, the end of this tick, notices and reaps it.
        if (IsFinished) return new RunResult(_tick, 0, StopReason.Finished);
        long used = 0;
        while (used + _tick <= budget)
        {
            if (_cpuLeft > 0)
            {
                var needed = speed == 1 ? _cpuLeft : (_cpuLeft + speed - 1) / speed;
                var ticks = Math.Min(needed, _tick == 1 ? budget - used : (budget - used) / _tick);
                _cpuLeft = Math.Max(0, _cpuLeft - ticks * speed);
                used += ticks * _tick;
                if (_cpuLeft > 0) break;
                Advance();
                if (IsFinished) return new RunResult(used, used, StopReason.Finished);
                continue;
            }
            var step = _steps[_next];
            PendingCall = new KernelCall(CallOf(step.Kind), step.Amount, step.Child, step.Text);
            Advance();
            used += _tick;
            return new RunResult(used, used, StopReason.Call);
        }
        return new RunResult(used, used, StopReason.SliceExpired);
    }

    public IExecutor ForkChild() =>
        PendingCall is { Kind: CallKind.Fork, Child: { } child }
            ? new ScriptExecutor(child, _tick)
            : throw new KernelBugException("ForkChild without a pending fork");

    private static CallKind CallOf(StepKind kind) => kind switch
    {
        StepKind.Io => CallKind.Io,
        StepKind.Fork => CallKind.Fork,
        StepKind.Wait => CallKind.Wait,
        StepKind.Exit => CallKind.Exit,
        StepKind.Sleep => CallKind.Sleep,
        StepKind.Print => CallKind.Print,
        _ => throw new KernelBugException($"{kind} is not a call"),
    };

    private void Advance()
    {
        _next++;
        LoadStep();
    }

    // Zero-length cpu steps are skipped so that IsFinished is exact and
    // _cpuLeft > 0 exactly when the current step is a cpu step.
    private void LoadStep()
    {
        while (_next < _steps.Length && _steps[_next] is { Kind: StepKind.Cpu, Amount: <= 0 }) _next++;
        _cpuLeft = _next < _steps.Length && _steps[_next].Kind == StepKind.Cpu ? _steps[_next].Amount : 0;
    }
}
