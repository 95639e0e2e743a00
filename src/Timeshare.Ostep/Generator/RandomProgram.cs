using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// generator.py's random programs: each draw forks a new child (which
/// becomes the current process), waits for an outstanding child, or ends
/// the current child after all its waits; at the end every open child is
/// closed the same way.
/// </summary>
public sealed class RandomProgram
{
    /// <summary>a is the root; each fork takes the next letter, and there are no more after Z.</summary>
    private const string Names = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly PythonRandom _random;
    private readonly BigInteger _maxSleep;
    private readonly List<ProgramAction> _actions = [];
    /// <summary>Per nesting level, the children forked there and not yet waited for.</summary>
    private readonly List<int> _unwaited = [0];
    private int _level;
    private int _nextName = 1;

    private RandomProgram(PythonRandom random, BigInteger maxSleep)
    {
        _random = random;
        _maxSleep = maxSleep;
    }

    /// <param name="chances">Percent chances of a fork, a wait and an exit; they must add up to 100.</param>
    public static List<ProgramAction> Draw(PythonRandom random, BigInteger count, BigInteger maxSleep, (BigInteger Fork, BigInteger Wait, BigInteger Exit) chances)
    {
        var total = chances.Fork + chances.Wait + chances.Exit;
        if (total != 100) throw new OstepError($"the fork, wait and exit chances must add up to 100, not {total}");
        var program = new RandomProgram(random, maxSleep);
        program.Generate(count, (double)chances.Fork / 100.0, (double)(chances.Fork + chances.Wait) / 100.0);
        return program._actions;
    }

    private void Generate(BigInteger count, double forkBelow, double waitBelow)
    {
        BigInteger n = 0;
        while (n < count)
        {
            var r = _random.Random();
            if (r < forkBelow)
            {
                Fork();
                n++;
            }
            else if (r < waitBelow)
            {
                // A wait drawn with nothing to wait for is no action.
                if (_unwaited[_level] > 0)
                {
                    _actions.Add(ProgramAction.Wait);
                    _unwaited[_level]--;
                    n++;
                }
            }
            else if (_level > 0)
            {
                n += CloseLevel();
                _level--;
            }
        }
        for (; _level >= 0; _level--) CloseLevel();
    }

    private void Fork()
    {
        if (_nextName == Names.Length) throw new OstepError($"a random program may have at most {Names.Length} processes; try fewer actions");
        var name = Names[_nextName++].ToString();
        var sleep = PyInt.FromFloat(1 + _random.Random() * (double)_maxSleep);
        _actions.Add(ProgramAction.Fork(name, PyInt.ToDecimal(sleep)));
        _unwaited[_level]++;
        _level++;
        if (_unwaited.Count == _level) _unwaited.Add(0);
        else _unwaited[_level] = 0;
    }

    /// <summary>Waits for every outstanding child of the current level and, below the root, ends it; counts as that many actions plus one.</summary>
    private int CloseLevel()
    {
        var waits = _unwaited[_level];
        for (var i = 0; i < waits; i++) _actions.Add(ProgramAction.Wait);
        if (_level > 0) _actions.Add(ProgramAction.Exit);
        return waits + 1;
    }
}
