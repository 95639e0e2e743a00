using System.Buffers.Binary;
using System.Text;
using Timeshare.Kernel.Memory;

namespace Timeshare.Kernel.Syscalls;

/// <summary>Reading C data out of a program's memory: strings and pointer arrays (argv, envp).</summary>
public static class UserMemory
{
    /// <summary>Linux's PATH_MAX: the longest path, terminator included.</summary>
    public const int PathMax = 4096;
    /// <summary>The most bytes of arguments and environment exec copies (Linux allows more; our stack is 256 KiB).</summary>
    public const int ArgumentMax = 128 * 1024;

    /// <summary>
    /// The NUL-terminated string at <paramref name="address"/>: null with
    /// <paramref name="error"/> = EFAULT if unreadable, ENAMETOOLONG-style
    /// <paramref name="tooLong"/> if no NUL within <paramref name="max"/> bytes.
    /// </summary>
    public static string? ReadString(AddressSpace space, ulong address, int max, out long error)
    {
        var bytes = new List<byte>();
        Span<byte> chunk = stackalloc byte[256];
        while (bytes.Count < max)
        {
            // Never read across a page boundary in one go: the next page may not exist.
            var inPage = (int)(4096 - ((address + (ulong)bytes.Count) & 4095));
            var part = chunk[..Math.Min(chunk.Length, inPage)];
            if (!space.TryRead(address + (ulong)bytes.Count, part))
            {
                error = -Errno.Fault;
                return null;
            }
            var end = part.IndexOf((byte)0);
            if (end >= 0)
            {
                bytes.AddRange(part[..end]);
                error = 0;
                return bytes.Count < max ? Encoding.UTF8.GetString([.. bytes]) : TooLong(out error);
            }
            bytes.AddRange(part);
        }
        return TooLong(out error);
    }

    private static string? TooLong(out long error)
    {
        error = -Errno.NameTooLong;
        return null;
    }

    /// <summary>A NULL-terminated array of string pointers (argv, envp); a null <paramref name="address"/> is an empty array.</summary>
    public static List<string>? ReadStrings(AddressSpace space, ulong address, out long error)
    {
        var strings = new List<string>();
        error = 0;
        if (address == 0) return strings;
        Span<byte> pointer = stackalloc byte[8];
        var total = 0;
        for (ulong i = 0; ; i++)
        {
            if (!space.TryRead(address + 8 * i, pointer))
            {
                error = -Errno.Fault;
                return null;
            }
            var at = BinaryPrimitives.ReadUInt64LittleEndian(pointer);
            if (at == 0) return strings;
            var s = ReadString(space, at, ArgumentMax, out error);
            if (s is null) return null;
            total += s.Length + 1 + 8;
            if (total > ArgumentMax)
            {
                error = -Errno.ArgumentsTooLong;
                return null;
            }
            strings.Add(s);
        }
    }

    public static bool WriteInt32(AddressSpace space, ulong address, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return space.TryWrite(address, bytes);
    }
}
