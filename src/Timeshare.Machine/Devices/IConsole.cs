namespace Timeshare.Machine.Devices;

/// <summary>Byte sink the kernel writes a program's console output to (e.g. for write(2) on fd 1/2).</summary>
public interface IConsole
{
    void Write(ReadOnlySpan<byte> bytes);
}
