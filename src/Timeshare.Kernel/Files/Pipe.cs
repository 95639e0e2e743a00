using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;

namespace Timeshare.Kernel.Files;

/// <summary>
/// A pipe: a bounded byte queue with a read end and a write end. A reader
/// of an empty pipe sleeps while a writer could still come; with none left
/// it reads end of file. A writer to a full pipe sleeps while there is a
/// reader; with none left it gets EPIPE (and the caller raises SIGPIPE).
/// </summary>
public sealed class Pipe
{
    /// <summary>Linux's default pipe capacity.</summary>
    public const int Capacity = 65536;

    private readonly byte[] _buffer = new byte[Capacity];
    private int _start;
    private readonly WaitQueue _readers;
    private readonly WaitQueue _writers;

    private Pipe(ProcessApi api)
    {
        _readers = new WaitQueue(api);
        _writers = new WaitQueue(api);
    }

    /// <summary>A new pipe's read and write ends (each one open description).</summary>
    public static (OpenFile Read, OpenFile Write) Open(ProcessApi api, int flags)
    {
        var pipe = new Pipe(api);
        return (new End(pipe, OpenFile.ReadOnly | flags), new End(pipe, OpenFile.WriteOnly | flags));
    }

    /// <summary>Bytes waiting to be read.</summary>
    public int Length { get; private set; }
    private int OpenReaders { get; set; } = 1;
    private int OpenWriters { get; set; } = 1;

    private long Read(Span<byte> into)
    {
        if (into.Length == 0) return 0;
        if (Length == 0) return OpenWriters == 0 ? 0 : OpenFile.WouldBlock;
        var count = Math.Min(into.Length, Length);
        for (var i = 0; i < count; i++) into[i] = _buffer[(_start + i) % Capacity];
        _start = (_start + count) % Capacity;
        Length -= count;
        _writers.WakeAll();
        return count;
    }

    /// <summary>Writes what fits: all of it, or the part that fits (a short write), or nothing and sleeps.</summary>
    private long Write(ReadOnlySpan<byte> from)
    {
        if (OpenReaders == 0) return -Errno.BrokenPipe;
        if (from.Length == 0) return 0;
        var count = Math.Min(from.Length, Capacity - Length);
        if (count == 0) return OpenFile.WouldBlock;
        for (var i = 0; i < count; i++) _buffer[(_start + Length + i) % Capacity] = from[i];
        Length += count;
        _readers.WakeAll();
        return count;
    }

    private void CloseEnd(bool write)
    {
        if (write) OpenWriters--;
        else OpenReaders--;
        // Readers see end of file, writers see EPIPE: both must look again.
        (write ? _readers : _writers).WakeAll();
    }

    private sealed class End(Pipe pipe, int flags) : OpenFile(flags)
    {
        public override long Read(Span<byte> into) => CanRead ? pipe.Read(into) : -Errno.BadFile;
        public override long Write(ReadOnlySpan<byte> from) => CanWrite ? pipe.Write(from) : -Errno.BadFile;
        public override WaitQueue Waiters(bool write) => write ? pipe._writers : pipe._readers;
        public override FileStatus Status() => new(0, FileKind.Fifo, 0x180, pipe.Length);
        protected override void Closed() => pipe.CloseEnd(CanWrite);
    }
}
