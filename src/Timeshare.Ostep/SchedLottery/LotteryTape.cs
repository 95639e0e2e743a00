using Timeshare.Kernel;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.SchedLottery;

/// <summary>
/// The reference's random numbers, int(random() * 1000001) from CPython's
/// generator, as a finite tape: the reference draws at most one number per
/// tick of total job length (the list it prints without -c), and stops early
/// once every job is reported done. A winning ticket is the number modulo the
/// total, with Python's sign rule, so a negative total gives a ticket in
/// (total, 0].
/// </summary>
public sealed class LotteryTape(PythonRandom random, long length) : IDrawSource
{
    private long _left = length;

    /// <summary>The number behind the last ticket drawn.</summary>
    public long Last { get; private set; }

    public long Next() => (long)(random.Random() * 1000001);

    public bool TryNextBelow(long n, out long value)
    {
        value = 0;
        if (_left <= 0) return false;
        _left--;
        Last = Next();
        if (n == 0) throw new OstepError("the jobs left hold no tickets between them: the reference divides by zero here");
        value = PyArithmetic.Mod(Last, n);
        return true;
    }

    /// <summary>The reference stops here: no more draws.</summary>
    public void End() => _left = 0;
}
