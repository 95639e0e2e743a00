using System.Buffers.Binary;
using System.Text;

namespace Timeshare.Kernel.Loading;

/// <summary>
/// The stack a new program finds, laid out as Linux does. From sp upward:
/// argc; argv pointers and a null; envp pointers and a null; auxv pairs ending
/// with AT_NULL; then, above, the 16 random bytes of AT_RANDOM and the
/// argument, environment and file-name strings, up to the stack top.
/// Invariant: sp is 16-byte aligned, as the RISC-V psABI requires.
/// </summary>
public sealed class InitialStack
{
    private InitialStack(byte[] image, ulong sp)
    {
        Image = image;
        StackPointer = sp;
    }

    /// <summary>The bytes from <see cref="StackPointer"/> up to the stack top.</summary>
    public byte[] Image { get; }
    public ulong StackPointer { get; }

    /// <param name="top">One past the highest stack byte.</param>
    /// <param name="aux">Aux entries besides AT_RANDOM and AT_EXECFN, which are added here.</param>
    /// <param name="random">The 16 bytes AT_RANDOM points to (from the seeded RNG, so runs repeat).</param>
    public static InitialStack Build(ulong top, IReadOnlyList<string> args, IReadOnlyList<string> env,
        IReadOnlyList<(AuxKey Key, ulong Value)> aux, ReadOnlySpan<byte> random, string fileName)
    {
        if (random.Length != 16) throw new ArgumentException("AT_RANDOM needs 16 bytes", nameof(random));
        var strings = new List<byte>();
        ulong Place(string s)
        {
            var offset = (ulong)strings.Count;
            strings.AddRange(Encoding.UTF8.GetBytes(s));
            strings.Add(0);
            return offset;
        }
        var argOffsets = args.Select(Place).ToList();
        var envOffsets = env.Select(Place).ToList();
        var nameOffset = Place(fileName);
        strings.AddRange(random);
        var stringBase = top - (ulong)strings.Count;
        var randomAddress = top - 16;
        List<(AuxKey Key, ulong Value)> auxv =
            [.. aux, (AuxKey.Random, randomAddress), (AuxKey.ExecFileName, stringBase + nameOffset), (AuxKey.Null, 0)];
        var words = 1 + args.Count + 1 + env.Count + 1 + 2 * auxv.Count;
        var sp = (stringBase - (ulong)words * 8) & ~15UL;
        var image = new byte[top - sp];
        strings.CopyTo(image, (int)(stringBase - sp));
        var at = 0;
        void Word(ulong w)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at), w);
            at += 8;
        }
        Word((ulong)args.Count);
        foreach (var o in argOffsets) Word(stringBase + o);
        Word(0);
        foreach (var o in envOffsets) Word(stringBase + o);
        Word(0);
        foreach (var (key, value) in auxv)
        {
            Word((ulong)key);
            Word(value);
        }
        return new InitialStack(image, sp);
    }
}
