namespace Timeshare.Machine.Devices;

/// <summary>A console that keeps every byte written, for tests and for replaying output.</summary>
public sealed class CapturingConsole : IConsole
{
    private readonly List<byte> bytes = [];

    public void Write(ReadOnlySpan<byte> data) => bytes.AddRange(data);

    public IReadOnlyList<byte> Bytes => bytes;

    public string Text => System.Text.Encoding.UTF8.GetString(bytes.ToArray());
}
