using System.Runtime.CompilerServices;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Dispatch;

/// <summary>
/// The mechanism of time-sharing: puts the policy's choice on a CPU, takes a
/// process off one, and charges the context switch. It decides nothing.
/// </summary>
public sealed class Dispatcher
{
    private readonly Processor[] _cpus;
    private readonly ISchedulingPolicy _policy;
    private readonly Trace _trace;
    private readonly Clock _clock;
    private readonly long _tick;
    private readonly long _switchCost;
    private readonly IRandomSource _random;
    /// <summary>The CPUs in the order they take their turn in the current assignment round.</summary>
    private readonly Processor[] _order;

    public Dispatcher(int cpus, ISchedulingPolicy policy, DispatchOptions options, Trace trace, Clock clock, long cyclesPerTick,
        IRandomSource random, CacheOptions? cache)
    {
        _cpus = [.. Enumerable.Range(0, cpus).Select(i => new Processor(i) { Cache = cache is null ? null : new CpuCache(cache) })];
        _order = [.. _cpus];
        _random = random;
        _policy = policy;
        Options = options;
        _trace = trace;
        _clock = clock;
        _tick = cyclesPerTick;
        _switchCost = checked(options.SwitchCost * cyclesPerTick);
    }

    public DispatchOptions Options { get; }
    public IReadOnlyList<Processor> Processors => _cpus;
    /// <summary>The same CPUs for the kernel's hot paths: iterating a span allocates nothing.</summary>
    internal ReadOnlySpan<Processor> Cpus => _cpus;

    /// <summary>The CPU <paramref name="p"/> runs on or holds, if any.</summary>
    public Processor? ProcessorOf(Process p) => p.Cpu >= 0 && _cpus[p.Cpu].Current == p ? _cpus[p.Cpu] : null;

    /// <summary>The first free CPU that <paramref name="p"/> may run on.</summary>
    public Processor? FirstFreeFor(Process p) => Array.Find(_cpus, c => c.IsFree && p.MayRunOn(c.Id));

    /// <summary>A CPU was freed: give it to the policy's next choice now, unless assignment waits for the next tick.</summary>
    public void Refill(Processor cpu)
    {
        if (!Options.AssignAtTickStart) Fill(cpu);
    }

    /// <summary>
    /// The CPUs in the order they take their turn this round: CPU order, or a
    /// fresh random permutation (the same draws as Python's random.shuffle).
    /// </summary>
    internal ReadOnlySpan<Processor> AssignmentOrder()
    {
        if (!Options.RandomCpuOrder) return _cpus;
        _cpus.CopyTo(_order, 0);
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = (int)_random.NextBelow(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        return _order;
    }

    /// <summary>Gives a free CPU to the policy's next choice, if there is one.</summary>
    internal void Fill(Processor cpu)
    {
        if (cpu.IsFree && _policy.PickNext(cpu.Id, _clock.Now) is { } pick) SwitchTo(cpu, pick.Process, pick.Slice);
    }

    /// <summary>Runs Ready process <paramref name="p"/> on <paramref name="cpu"/> now, out of the policy's turn.</summary>
    public void Claim(Processor cpu, Process p) => SwitchTo(cpu, p, _policy.Claim(p));

    /// <summary>Takes the current process off <paramref name="cpu"/> and tells the policy why.</summary>
    public void Vacate(Processor cpu, ProcessState to, Cause cause)
    {
        var p = cpu.Current ?? throw NothingToVacate(cpu);
        var ran = ToTicks(cpu.Ran);
        _trace.Move(p, to, cause);
        cpu.Current = null;
        switch (to)
        {
            case ProcessState.Ready when cause == Cause.SliceExpired: _policy.OnExpired(p, ran); break;
            case ProcessState.Ready: _policy.OnPreempted(p, ran); break;
            case ProcessState.Zombie: _policy.OnExited(p); break;
            default: _policy.OnBlocked(p, ran); break;
        }
    }

    /// <summary>The current process blocks for its I/O but keeps the CPU, idle.</summary>
    public void Hold(Processor cpu)
    {
        var p = cpu.Current ?? throw new KernelBugException($"cpu {cpu.Id} has nothing to hold");
        _trace.Move(p, ProcessState.Blocked, Cause.IoStarted);
        _policy.OnBlocked(p, ToTicks(cpu.Ran));
    }

    /// <summary>The blocked holder of <paramref name="cpu"/> gives it up, and stays blocked or stopped.</summary>
    public void Unhold(Processor cpu)
    {
        if (cpu.Current is not { State: ProcessState.Blocked or ProcessState.Stopped })
            throw new KernelBugException($"cpu {cpu.Id} is not held");
        cpu.Current = null;
    }

    /// <summary>A process blocked while holding the CPU is Ready again; give it back the CPU.</summary>
    public void Release(Processor cpu)
    {
        var p = cpu.Current ?? throw new KernelBugException($"cpu {cpu.Id} is not held");
        cpu.Current = null;
        Claim(cpu, p);
    }

    /// <summary>Ticks the current process of <paramref name="cpu"/> has run since its dispatch.</summary>
    public long TicksRun(Processor cpu) => ToTicks(cpu.Ran);

    // Most runs have one cycle per tick; a division costs as much as the rest of a dispatch.
    private long ToTicks(long cycles) => _tick == 1 ? cycles : cycles / _tick;

    /// <summary>With a global boundary the slice ends at the next multiple of its length.</summary>
    private long SliceTicks(long slice) => Options.GlobalSliceBoundary ? slice - _clock.Now / _tick % slice : slice;

    private void SwitchTo(Processor cpu, Process p, long sliceTicks)
    {
        if (!cpu.IsFree) throw Busy(cpu);
        if (!p.MayRunOn(cpu.Id)) throw Forbidden(p, cpu);
        var now = _clock.Now;
        if (p.Cpu >= 0 && p.Cpu != cpu.Id) cpu.Migrations++;
        p.Cpu = cpu.Id;
        _trace.Move(p, ProcessState.Running, Cause.Dispatched);
        if (p.Time.FirstRun < 0) p.Time.FirstRun = now;
        cpu.Current = p;
        cpu.Ran = 0;
        cpu.SliceLeft = sliceTicks == Pick.Unlimited ? long.MaxValue : checked(SliceTicks(sliceTicks) * _tick);
        cpu.Cache?.Admit(p);
        cpu.SwitchLeft = 0;
        if (cpu.Last == p) return;
        if (_trace.Enabled) _trace.Emit(EventKind.ContextSwitch, p.Pid, cpu.Id, other: cpu.Last?.Pid ?? 0);
        cpu.Last = p;
        cpu.ContextSwitches++;
        p.Time.ContextSwitches++;
        cpu.SwitchLeft = _switchCost;
    }

    // Broken invariants are described out of line: formatting inline would weigh on every dispatch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException NothingToVacate(Processor cpu) => new($"cpu {cpu.Id} has nothing to vacate");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException Busy(Processor cpu) => new($"cpu {cpu.Id} is busy with {cpu.Current}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelBugException Forbidden(Process p, Processor cpu) => new($"{p} may not run on cpu {cpu.Id}");
}
