using System.Buffers.Binary;
using System.Numerics;

namespace Timeshare.Ostep.Python;

/// <summary>
/// CPython 3.11's <c>random.Random</c>: MT19937 seeded from an int, with the same derived draws
/// (random, getrandbits, _randbelow, randrange, randint, choice, shuffle), so a seed reproduces the
/// simulators' sequences exactly. Only int seeds exist here; the simulators never seed with anything else.
/// </summary>
public sealed class PythonRandom
{
    private const int StateSize = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908B0DFu;
    private const uint UpperMask = 0x80000000u;
    private const uint LowerMask = 0x7FFFFFFFu;

    private readonly uint[] _state = new uint[StateSize];
    private int _index;

    public PythonRandom(BigInteger seed)
    {
        Seed(seed);
    }

    public PythonRandom(long seed)
        : this(new BigInteger(seed))
    {
    }

    /// <summary>random.seed(n) for an int n: the sign is dropped, so -5 and 5 give the same sequence.</summary>
    public void Seed(BigInteger seed) => InitByArray(SeedWords(BigInteger.Abs(seed)));

    /// <summary>random.random(): 53 random bits from two draws (27 + 26), scaled into [0, 1).</summary>
    public double Random()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>random.getrandbits(k) for 0 &lt;= k &lt;= 64; k = 0 draws nothing.</summary>
    public ulong GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        if (k == 0)
        {
            return 0;
        }

        if (k <= 32)
        {
            return NextUInt32() >> (32 - k);
        }

        // Words are drawn least significant first; only the last one is cut short.
        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - k);
        return low | (high << 32);
    }

    /// <summary>random.getrandbits(k) for any k &gt;= 0.</summary>
    public BigInteger GetRandBitsBig(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k <= 64)
        {
            return GetRandBits(k);
        }

        int words = ((k - 1) / 32) + 1;
        var bytes = new byte[(words * 4) + 1]; // the extra zero byte keeps the value non-negative
        for (int i = 0; i < words; i++, k -= 32)
        {
            uint word = NextUInt32();
            if (k < 32)
            {
                word >>= 32 - k;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4, 4), word);
        }

        return new BigInteger(bytes);
    }

    /// <summary>
    /// random._randbelow(n), n &gt; 0: draw bit_length(n) bits until the value is below n.
    /// Note n itself (not n - 1) sets the width, so powers of two waste half the draws, as in CPython.
    /// </summary>
    public long RandBelow(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        int k = 64 - BitOperations.LeadingZeroCount((ulong)n);
        ulong r = GetRandBits(k);
        while (r >= (ulong)n)
        {
            r = GetRandBits(k);
        }

        return (long)r;
    }

    /// <summary>random._randbelow(n) for any n &gt; 0.</summary>
    public BigInteger RandBelow(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "n must be positive");
        }

        if (n <= long.MaxValue)
        {
            return RandBelow((long)n);
        }

        int k = (int)n.GetBitLength();
        BigInteger r = GetRandBitsBig(k);
        while (r >= n)
        {
            r = GetRandBitsBig(k);
        }

        return r;
    }

    /// <summary>random.randrange(stop).</summary>
    public long RandRange(long stop)
    {
        if (stop <= 0)
        {
            throw PythonError.Value("empty range for randrange()");
        }

        return RandBelow(stop);
    }

    /// <summary>random.randrange(start, stop[, step]) with 3.11 semantics (floor division for the count).</summary>
    public long RandRange(long start, long stop, long step = 1)
    {
        Int128 width = (Int128)stop - start;
        if (step == 1)
        {
            if (width <= 0)
            {
                throw PythonError.Value($"empty range for randrange() ({start}, {stop}, {width})");
            }

            return (long)(start + BelowWide(width));
        }

        if (step == 0)
        {
            throw PythonError.Value("zero step for randrange()");
        }

        Int128 count = FloorDiv(step > 0 ? width + step - 1 : width + step + 1, step);
        if (count <= 0)
        {
            throw PythonError.Value("empty range for randrange()");
        }

        return (long)(start + (step * BelowWide(count)));
    }

    /// <summary>random.randint(a, b) = randrange(a, b + 1).</summary>
    public long RandInt(long a, long b)
    {
        Int128 width = (Int128)b + 1 - a;
        if (width <= 0)
        {
            throw PythonError.Value($"empty range for randrange() ({a}, {(Int128)b + 1}, {width})");
        }

        return (long)(a + BelowWide(width));
    }

    /// <summary>random.choice(seq).</summary>
    public T Choice<T>(IReadOnlyList<T> seq)
    {
        if (seq.Count == 0)
        {
            throw PythonError.Index("Cannot choose from an empty sequence");
        }

        return seq[(int)RandBelow(seq.Count)];
    }

    /// <summary>random.choice(seq) over a span.</summary>
    public T Choice<T>(ReadOnlySpan<T> seq)
    {
        if (seq.IsEmpty)
        {
            throw PythonError.Index("Cannot choose from an empty sequence");
        }

        return seq[(int)RandBelow(seq.Length)];
    }

    /// <summary>random.shuffle(x): Fisher-Yates from the end, j = _randbelow(i + 1).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = (int)RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>random.shuffle(x) over a span.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>One raw MT19937 output (genrand_uint32).</summary>
    public uint NextUInt32()
    {
        if (_index >= StateSize)
        {
            Twist();
        }

        uint y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    private Int128 BelowWide(Int128 n) =>
        n <= long.MaxValue ? RandBelow((long)n) : (Int128)RandBelow((BigInteger)n);

    private static Int128 FloorDiv(Int128 a, Int128 b)
    {
        Int128 q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    private void Twist()
    {
        for (int k = 0; k < StateSize; k++)
        {
            uint y = (_state[k] & UpperMask) | (_state[(k + 1) % StateSize] & LowerMask);
            uint mag = (y & 1) != 0 ? MatrixA : 0u;
            _state[k] = _state[(k + ShiftSize) % StateSize] ^ (y >> 1) ^ mag;
        }

        _index = 0;
    }

    /// <summary>abs(seed) as 32-bit words, least significant first; zero is the single word 0.</summary>
    private static uint[] SeedWords(BigInteger magnitude)
    {
        if (magnitude.IsZero)
        {
            return [0u];
        }

        byte[] bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        var words = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++)
        {
            words[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        return words;
    }

    private void InitGenrand(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < StateSize; i++)
        {
            uint prev = _state[i - 1];
            _state[i] = (1812433253u * (prev ^ (prev >> 30))) + (uint)i;
        }

        _index = StateSize;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(StateSize, key.Length); k > 0; k--)
        {
            uint prev = _state[i - 1];
            _state[i] = (_state[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= StateSize)
            {
                _state[0] = _state[StateSize - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = StateSize - 1; k > 0; k--)
        {
            uint prev = _state[i - 1];
            _state[i] = (_state[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= StateSize)
            {
                _state[0] = _state[StateSize - 1];
                i = 1;
            }
        }

        _state[0] = 0x80000000u; // guarantees a non-zero state whatever the key
    }
}
