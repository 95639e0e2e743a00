using Timeshare.Kernel.Devices;
using Timeshare.Kernel.Events;
using Timeshare.Kernel.Processes;
using Timeshare.Ostep.Output;

namespace Timeshare.Ostep.ProcessRun;

/// <summary>
/// Prints the reference's per-tick table from what the kernel does: one row
/// per tick, a column per process, then the CPU and the I/Os in flight.
/// </summary>
public sealed class ProcessRunTable : ITickObserver, IKernelObserver
{
    private readonly ProcessRunVariant _variant;
    private readonly AsciiWriter _out;
    private readonly IoDevice _device;
    private readonly Process[] _processes;
    private readonly Instruction[][] _programs;
    private readonly int[] _next;
    private readonly byte[][] _runCells;
    private readonly byte[] _ready, _running, _blocked, _done, _cpuBusy, _cpuIdle, _ioIdle;
    private long _lastCompletion = -1;

    public ProcessRunTable(ProcessRunVariant variant, AsciiWriter output, IoDevice device, Process[] processes, Instruction[][] programs)
    {
        _variant = variant;
        _out = output;
        _device = device;
        _processes = processes;
        _programs = programs;
        _next = new int[processes.Length];
        var w = variant.Column;
        _runCells = [.. Enum.GetValues<Instruction>().Select(i => Cell.Right("RUN:" + InstructionNames.Of(i), w))];
        _ready = Cell.Right("READY", w);
        _running = Cell.Right("RUNNING", w);
        _blocked = Cell.Right(variant.BlockedWord, w);
        _done = Cell.Right("DONE", w);
        _cpuBusy = Cell.Right("1", w);
        _cpuIdle = Cell.Right(" ", w);
        _ioIdle = Cell.Right(" ", variant.IdleIoColumn);
    }

    /// <summary>Ticks in which a process ran an instruction.</summary>
    public long CpuBusy { get; private set; }
    /// <summary>Ticks with at least one I/O in flight.</summary>
    public long IoBusy { get; private set; }
    /// <summary>The last tick printed.</summary>
    public long LastTick { get; private set; }

    public void WriteHeader()
    {
        _out.Write("Time");
        for (var pid = 0; pid < _processes.Length; pid++) _out.Write(Cell.Right($"PID:{pid,2}", _variant.Column));
        _out.Write(Cell.Right("CPU", _variant.Column));
        _out.Write(Cell.Right("IOs", _variant.Column));
        _out.WriteLine();
    }

    public void OnEvent(in KernelEvent e)
    {
        if (e.Kind == EventKind.IoCompleted) _lastCompletion = e.Time;
    }

    public void OnTick(long tick, ReadOnlySpan<CpuTick> cpus)
    {
        var worker = cpus.Length > 0 && cpus[0].Activity == CpuActivity.Working ? cpus[0].Process : null;
        WriteRow(tick, worker);
    }

    /// <summary>
    /// The reference prints the tick whose start delivered the last
    /// completion even when that completion ended the last process.
    /// </summary>
    public void Finish(long now)
    {
        if (_lastCompletion == now) WriteRow(now + 1, null);
    }

    private void WriteRow(long tick, Process? worker)
    {
        LastTick = tick;
        _out.WriteNumber(tick, 3);
        _out.Write(_lastCompletion == tick - 1 ? "*"u8 : " "u8);
        for (var i = 0; i < _processes.Length; i++)
        {
            var p = _processes[i];
            _out.Write(p == worker ? _runCells[(int)_programs[i][_next[i]++]] : StateCell(p.State));
        }
        if (worker is not null) CpuBusy++;
        _out.Write(worker is not null ? _cpuBusy : _cpuIdle);
        var inFlight = _device.InFlight;
        if (inFlight > 0)
        {
            IoBusy++;
            _out.WriteNumber(inFlight, _variant.Column);
        }
        else _out.Write(_ioIdle);
        _out.Write("\n"u8);
    }

    private byte[] StateCell(ProcessState state) => state switch
    {
        ProcessState.Running => _running,
        ProcessState.Blocked => _blocked,
        ProcessState.Zombie => _done,
        _ => _ready,
    };
}
