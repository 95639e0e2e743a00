namespace Timeshare.Machine.Devices;

/// <summary>A console that forwards bytes to a stream (e.g. the host's stdout), flushing each write so output interleaves in order.</summary>
public sealed class StreamConsole(Stream stream) : IConsole
{
    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        stream.Flush();
    }
}
