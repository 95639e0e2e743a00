using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Stride scheduling (Waldspurger): lottery's proportional share without the
/// dice. Each process has a stride, <see cref="BigStride"/> / tickets, and a
/// pass; the Ready process with the lowest pass runs a quantum, and its pass
/// grows by its stride for every tick it ran. Over any span every process's
/// CPU time stays within about a quantum of its ticket share, exactly and
/// repeatably; the price is a pass to keep per process.
/// </summary>
/// <remarks>
/// Parameters: the quantum (default <see cref="DefaultQuantum"/> tick). Ties
/// in pass go to the lower pid. A process that was away, new or woken from
/// blocking, rejoins no lower than the current minimum pass (the highest pass
/// yet dispatched; on one CPU every Ready pass is at least that), so neither
/// a newcomer nor a sleeper can claim the CPU for the time it was not there.
/// Tickets are read from the PCB when a process is admitted.
/// </remarks>
public sealed class Stride : ISchedulingPolicy
{
    public const long DefaultQuantum = 1;
    /// <summary>The numerator of every stride: large, so that integer strides keep the ticket ratios almost exactly.</summary>
    public const long BigStride = 1L << 30;

    private readonly PassQueue _ready = new();
    /// <summary>By pid: the process's pass and stride.</summary>
    private long[] _pass = new long[64];
    private long[] _stride = new long[64];
    private long _minimumPass;

    public Stride(long quantum = DefaultQuantum)
    {
        if (quantum <= 0) throw new ArgumentOutOfRangeException(nameof(quantum), "the quantum must be positive");
        Quantum = quantum;
    }

    public long Quantum { get; }
    public string Name => $"stride:q={Quantum}";
    public int ReadyCount => _ready.Count;

    public void Admit(Process p)
    {
        if (p.Tickets is < 1 or > (int)BigStride)
            throw new ArgumentOutOfRangeException(nameof(p), $"{p} holds {p.Tickets} tickets; stride needs 1 to {BigStride}");
        if (p.Pid >= _pass.Length)
        {
            Array.Resize(ref _pass, Math.Max(_pass.Length * 2, p.Pid + 1));
            Array.Resize(ref _stride, _pass.Length);
        }
        _stride[p.Pid] = BigStride / p.Tickets;
        _pass[p.Pid] = _minimumPass;
        _ready.Push(p, _minimumPass);
    }

    public Pick? PickNext(int cpu, long now) => _ready.PopAllowedOn(cpu) is { } p ? new Pick(p, Dispatched(p)) : null;

    public long Claim(Process p)
    {
        _ready.Remove(p);
        return Dispatched(p);
    }

    public void Remove(Process p) => _ready.Remove(p);

    public void OnExpired(Process p, long ran) => Requeue(p, ran);
    public void OnPreempted(Process p, long ran) => Requeue(p, ran);
    public void OnBlocked(Process p, long ran) => Charge(p, ran);

    public void OnWoken(Process p)
    {
        _pass[p.Pid] = Math.Max(_pass[p.Pid], _minimumPass);
        _ready.Push(p, _pass[p.Pid]);
    }

    public void OnExited(Process p) { }

    /// <summary>Passes change only when a quantum ends.</summary>
    public bool ShouldPreempt(Process running, long ran) => false;

    private long Dispatched(Process p)
    {
        _minimumPass = Math.Max(_minimumPass, _pass[p.Pid]);
        return Quantum;
    }

    private void Requeue(Process p, long ran)
    {
        Charge(p, ran);
        _ready.Push(p, _pass[p.Pid]);
    }

    private void Charge(Process p, long ran) => _pass[p.Pid] = checked(_pass[p.Pid] + _stride[p.Pid] * ran);
}
