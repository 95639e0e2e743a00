using System.Text.Json;
using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Events;

/// <summary>
/// Writes every kernel event as one JSON object per line, times in ticks:
/// {"tick":3,"event":"state","pid":2,"name":"A","cpu":0,"from":"ready","to":"running","cause":"dispatched"}
/// The trace owns the stream and closes it when disposed.
/// </summary>
public sealed class JsonLinesTrace(Stream stream, Kernel kernel) : IKernelObserver, IDisposable
{
    private readonly Utf8JsonWriter _json = new(stream, new JsonWriterOptions { SkipValidation = true });
    private readonly Dictionary<int, string> _names = [];

    public void OnEvent(in KernelEvent e)
    {
        _json.WriteStartObject();
        _json.WriteNumber("tick", e.Time / kernel.CyclesPerTick);
        _json.WriteString("event", KindName(e.Kind));
        _json.WriteNumber("pid", e.Pid);
        _json.WriteString("name", NameOf(e.Pid));
        if (e.Cpu >= 0) _json.WriteNumber("cpu", e.Cpu);
        WriteDetails(e);
        _json.WriteEndObject();
        _json.Flush();
        stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void Dispose()
    {
        _json.Dispose();
        stream.Dispose();
    }

    private void WriteDetails(in KernelEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.StateChanged:
                _json.WriteString("from", Lower(e.From));
                _json.WriteString("to", Lower(e.To));
                _json.WriteString("cause", Lower(e.Cause));
                break;
            case EventKind.ContextSwitch:
                _json.WriteNumber("from_pid", e.Other);
                break;
            case EventKind.IoStarted:
                _json.WriteNumber("completes_at", e.Value / kernel.CyclesPerTick);
                break;
            case EventKind.Forked:
                _json.WriteNumber("child", e.Other);
                break;
            case EventKind.Reaped:
                _json.WriteNumber("by", e.Other);
                _json.WriteNumber("status", e.Value);
                break;
            case EventKind.Reparented:
                _json.WriteNumber("to_parent", e.Other);
                break;
            case EventKind.UnknownSyscall:
                _json.WriteNumber("number", e.Value);
                break;
            case EventKind.PageFault:
                _json.WriteString("address", $"0x{e.Value:x}");
                break;
            case EventKind.Signal:
                _json.WriteNumber("signal", e.Value);
                break;
        }
    }

    private string NameOf(int pid)
    {
        if (_names.TryGetValue(pid, out var name)) return name;
        name = kernel.Table.Find(pid)?.Name ?? "";
        if (name != "") _names[pid] = name;
        return name;
    }

    private static string KindName(EventKind kind) => kind switch
    {
        EventKind.StateChanged => "state",
        EventKind.ContextSwitch => "switch",
        EventKind.TimerInterrupt => "timer",
        EventKind.IoStarted => "io_start",
        EventKind.IoCompleted => "io_done",
        EventKind.Forked => "fork",
        EventKind.Reaped => "reap",
        EventKind.UnknownSyscall => "enosys",
        EventKind.PageFault => "page_fault",
        EventKind.Signal => "signal",
        _ => "reparent",
    };

    /// <summary>IoStarted becomes io_started.</summary>
    private static string Lower<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
