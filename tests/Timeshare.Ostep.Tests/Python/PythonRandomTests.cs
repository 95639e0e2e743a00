using System.Numerics;
using System.Text.Json;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Tests.Python;

public class PythonRandomTests
{
    private static readonly JsonElement Cases = Vectors.Load("random.json");

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Cases.EnumerateArray())
        {
            data.Add(c.GetProperty("seed").GetString()!);
        }

        return data;
    }

    private static JsonElement Case(string seed) =>
        Cases.EnumerateArray().Single(c => c.GetProperty("seed").GetString() == seed);

    private static PythonRandom Fresh(string seed) => new(Vectors.Int(seed));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomMatchesCPython(string seed)
    {
        var r = Fresh(seed);
        foreach (JsonElement expected in Case(seed).GetProperty("random").EnumerateArray())
        {
            Assert.Equal(expected.GetString(), Vectors.Bits(r.Random()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GetRandBitsMatchesCPython(string seed)
    {
        var r = Fresh(seed);
        foreach (JsonElement pair in Case(seed).GetProperty("bits").EnumerateArray())
        {
            int k = pair[0].GetInt32();
            BigInteger expected = Vectors.Int(pair[1].GetString()!);
            BigInteger actual = k <= 64 ? r.GetRandBits(k) : r.GetRandBitsBig(k);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandBelowMatchesCPython(string seed)
    {
        var r = Fresh(seed);
        foreach (JsonElement pair in Case(seed).GetProperty("below").EnumerateArray())
        {
            Assert.Equal(pair[1].GetInt64(), r.RandBelow(pair[0].GetInt64()));
        }

        r.Seed(Vectors.Int(seed));
        foreach (JsonElement pair in Case(seed).GetProperty("belowBig").EnumerateArray())
        {
            Assert.Equal(Vectors.Int(pair[1].GetString()!), r.RandBelow(Vectors.Int(pair[0].GetString()!)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandRangeAndRandIntMatchCPython(string seed)
    {
        var r = Fresh(seed);
        foreach (JsonElement c in Case(seed).GetProperty("randrange").EnumerateArray())
        {
            long[] a = c[0].EnumerateArray().Select(x => x.GetInt64()).ToArray();
            long actual = a.Length switch
            {
                1 => r.RandRange(a[0]),
                2 => r.RandRange(a[0], a[1]),
                _ => r.RandRange(a[0], a[1], a[2]),
            };
            Assert.Equal(c[1].GetInt64(), actual);
        }

        r.Seed(Vectors.Int(seed));
        foreach (JsonElement c in Case(seed).GetProperty("randint").EnumerateArray())
        {
            Assert.Equal(c[2].GetInt64(), r.RandInt(c[0].GetInt64(), c[1].GetInt64()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ChoiceAndShuffleMatchCPython(string seed)
    {
        var r = Fresh(seed);
        string[] letters = ["a", "b", "c", "d", "e"];
        foreach (JsonElement expected in Case(seed).GetProperty("choice").EnumerateArray())
        {
            Assert.Equal(expected.GetString(), r.Choice(letters));
        }

        r.Seed(Vectors.Int(seed));
        foreach (JsonElement expected in Case(seed).GetProperty("shuffle").EnumerateArray())
        {
            int[] items = Enumerable.Range(0, expected.GetArrayLength()).ToArray();
            r.Shuffle(items.AsSpan());
            Assert.Equal(expected.EnumerateArray().Select(x => x.GetInt32()), items);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void InterleavedUseMatchesCPython(string seed)
    {
        var r = Fresh(seed);
        foreach (JsonElement step in Case(seed).GetProperty("mix").EnumerateArray())
        {
            switch (step[0].GetString())
            {
                case "random":
                    Assert.Equal(step[1].GetString(), Vectors.Bits(r.Random()));
                    break;
                case "shuffle4":
                    var list = new List<int> { 0, 1, 2, 3 };
                    r.Shuffle(list);
                    Assert.Equal(step[1].EnumerateArray().Select(x => x.GetInt32()), list);
                    break;
                default:
                    Assert.Equal(step[1].GetInt32(), r.Choice((IReadOnlyList<int>)[0, 1, 2]));
                    break;
            }
        }
    }

    [Fact]
    public void SignOfSeedIsIgnored()
    {
        var a = new PythonRandom(-5);
        var b = new PythonRandom(5);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(a.Random(), b.Random());
        }
    }

    [Fact]
    public void ReseedingRestartsTheSequence()
    {
        var r = new PythonRandom(42);
        double first = r.Random();
        r.Random();
        r.Seed(42);
        Assert.Equal(first, r.Random());
    }

    [Fact]
    public void EmptyRangesAndSequencesFailLikePython()
    {
        var r = new PythonRandom(1);
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => r.RandRange(0)).Kind);
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => r.RandRange(5, 5)).Kind);
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => r.RandRange(0, 10, 0)).Kind);
        Assert.Equal(PythonErrorKind.ValueError, Assert.Throws<PythonError>(() => r.RandInt(3, 2)).Kind);
        Assert.Equal(PythonErrorKind.IndexError, Assert.Throws<PythonError>(() => r.Choice((IReadOnlyList<int>)[])).Kind);
    }

    [Fact]
    public void HotPathDoesNotAllocate()
    {
        var r = new PythonRandom(7);
        int[] items = [0, 1, 2, 3, 4, 5];
        r.Random();
        r.Shuffle(items.AsSpan());
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            sum += r.Random() + r.RandBelow(1000) + r.GetRandBits(40) + r.Choice((ReadOnlySpan<int>)items);
            r.Shuffle(items.AsSpan());
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}
