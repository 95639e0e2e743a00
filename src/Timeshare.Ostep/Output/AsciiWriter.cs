using System.Text;

namespace Timeshare.Ostep.Output;

/// <summary>
/// Buffered ASCII output for the simulators' tables: formats straight into
/// bytes so that a million-row trace costs no string per cell.
/// </summary>
public sealed class AsciiWriter(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length) Flush();
        if (bytes.Length > _buffer.Length)
        {
            stream.Write(bytes);
            return;
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    public void WriteLine(string text = "")
    {
        Write(text);
        Write("\n"u8);
    }

    /// <summary>Python's '%<paramref name="width"/>d'.</summary>
    public void WriteNumber(long value, int width)
    {
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out var n);
        Pad(width - n);
        Write(digits[..n]);
    }

    public void Pad(int count)
    {
        for (; count > 0; count--) Write(" "u8);
    }

    public void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
        stream.Flush();
    }

    public void Dispose() => Flush();
}
