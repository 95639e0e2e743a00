using System.Buffers.Binary;
using System.Text;

namespace Timeshare.Kernel.Files;

/// <summary>
/// A name in a directory. A directory is a file of <see cref="EncodedSize"/>-byte slots:
/// inode number (u32, 0 = free slot), name length (u8), then the UTF-8 name. <see cref="Index"/>
/// is the slot's position, stable while the entry lives: a reader resumes after it.
/// </summary>
public readonly record struct DirectoryEntry(int Index, int Inode, string Name)
{
    public const int EncodedSize = 64;
    public const int MaxNameLength = EncodedSize - 5;

    internal static void Encode(Span<byte> slot, int inode, ReadOnlySpan<byte> name)
    {
        slot.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)inode);
        slot[4] = (byte)name.Length;
        name.CopyTo(slot[5..]);
    }

    /// <summary>
    /// Reads slot <paramref name="index"/>: false if it is corrupt (an inode number outside
    /// [1, <paramref name="inodeCount"/>) or a bad name length), else the entry, null for a free slot.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<byte> slot, int index, int inodeCount, out DirectoryEntry? entry)
    {
        entry = null;
        var inode = BinaryPrimitives.ReadUInt32LittleEndian(slot);
        if (inode == 0) return true;
        var length = slot[4];
        if (inode >= (uint)inodeCount || length == 0 || length > MaxNameLength) return false;
        entry = new DirectoryEntry(index, (int)inode, Encoding.UTF8.GetString(slot.Slice(5, length)));
        return true;
    }

    /// <summary>The name's on-disk bytes.</summary>
    internal static byte[] NameBytes(string name) => Encoding.UTF8.GetBytes(name);
}
