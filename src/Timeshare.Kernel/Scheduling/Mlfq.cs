using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Multi-level feedback queue (OSTEP ch. 8): learns from how jobs use the CPU
/// instead of asking how long they are. A job starts at the top level; each
/// level is round robin with its own quantum; a job that uses up its
/// allotment at a level (whole quanta, counted across slices, so yielding
/// just before a slice ends does not reset it) moves down one level; a job
/// at a higher level preempts one below; every boost period all jobs go back
/// to the top, so long jobs do not starve and a job that turned interactive
/// is noticed. Short and interactive jobs get the response time of a short
/// quantum; long CPU-bound jobs sink and share what is left.
/// Defaults: 3 levels, quantum 10, allotment 1, no boost (see <see cref="MlfqOptions"/>).
/// Each decision costs O(levels); a boost costs O(ready jobs).
/// </summary>
public sealed class Mlfq : ISchedulingPolicy
{
    private readonly MlfqOptions _options;
    /// <summary>By level: the Ready jobs at that level, in the order they run.</summary>
    private readonly ReadyQueue[] _levels;
    private readonly int _top;
    /// <summary>By pid; valid from the job's admission on.</summary>
    private Job[] _jobs = new Job[64];
    /// <summary>Boosts so far; a job's record is brought up to date lazily when its epoch is older.</summary>
    private long _boosts;
    /// <summary>The job most recently woken to the front of its level, until the next dispatch.</summary>
    private Process? _bumped;

    public Mlfq(MlfqOptions options)
    {
        if (options.Levels < 1) throw new ArgumentOutOfRangeException(nameof(options), "an MLFQ needs at least one level");
        if (options.Allotments.Count != options.Levels)
            throw new ArgumentOutOfRangeException(nameof(options), "one allotment per level");
        if (options.BoostPeriod < 0) throw new ArgumentOutOfRangeException(nameof(options), "the boost period must not be negative");
        _options = options;
        _top = options.Levels - 1;
        _levels = [.. Enumerable.Range(0, options.Levels).Select(_ => new ReadyQueue())];
    }

    public MlfqOptions Options => _options;

    public string Name =>
        $"mlfq:levels={_options.Levels},q={List(_options.Quanta)},allot={List(_options.Allotments)}" +
        (_options.BoostPeriod > 0 ? $",boost={_options.BoostPeriod}" : "") +
        (_options.ResetOnBlock ? ",reset=1" : "") + (_options.WokenToFront ? ",bump=1" : "");

    public int ReadyCount
    {
        get
        {
            var count = 0;
            foreach (var level in _levels) count += level.Count;
            return count;
        }
    }

    /// <summary>Where admitted job <paramref name="p"/> stands now.</summary>
    public MlfqStanding StandingOf(Process p)
    {
        ref var j = ref Record(p);
        return new MlfqStanding(j.Level, j.Ticks, j.Allotment);
    }

    public void Admit(Process p)
    {
        if (p.Pid >= _jobs.Length) Array.Resize(ref _jobs, Math.Max(_jobs.Length * 2, p.Pid + 1));
        _jobs[p.Pid] = new Job
        {
            Level = _top,
            Ticks = _options.Quanta[_top],
            Allotment = _options.Allotments[_top],
            Epoch = _boosts,
        };
        _levels[_top].PushBack(p);
    }

    public Pick? PickNext(int cpu, long now)
    {
        for (var level = _top; level >= 0; level--)
        {
            if (_levels[level].PopFirstAllowedOn(cpu) is not { } p) continue;
            _bumped = null;
            return new Pick(p, Slice(p));
        }
        return null;
    }

    public long Claim(Process p)
    {
        Remove(p);
        _bumped = null;
        return Slice(p);
    }

    public void Remove(Process p) => _levels[Record(p).Level].Remove(p);

    public void OnExpired(Process p, long ran)
    {
        Charge(ref Record(p), ran);
        _levels[Record(p).Level].PushBack(p);
    }

    /// <summary>
    /// A preempted job keeps its place at the front of its level, except behind
    /// a job just woken to the front of that level: that job is why it was preempted.
    /// </summary>
    public void OnPreempted(Process p, long ran)
    {
        Charge(ref Record(p), ran);
        var queue = _levels[Record(p).Level];
        if (_bumped is { } ahead && queue.Contains(ahead))
        {
            queue.Remove(ahead);
            queue.PushFront(p);
            queue.PushFront(ahead);
            return;
        }
        queue.PushFront(p);
    }

    public void OnBlocked(Process p, long ran)
    {
        ref var j = ref Record(p);
        var ended = Use(ref j, ran);
        if (_options.ResetOnBlock) (j.Ticks, j.Allotment) = (_options.Quanta[j.Level], _options.Allotments[j.Level]);
        if (ended) EndQuantum(ref j);
    }

    public void OnWoken(Process p)
    {
        ref var j = ref Record(p);
        if (j.Epoch != _boosts) Boost(ref j);
        var queue = _levels[j.Level];
        if (!_options.WokenToFront)
        {
            queue.PushBack(p);
            return;
        }
        queue.PushFront(p);
        _bumped = p;
    }

    public void OnExited(Process p) { }

    /// <summary>A job at a higher level became Ready, or one was woken to the front of the running job's level.</summary>
    public bool ShouldPreempt(Process running, long ran)
    {
        var level = Record(running).Level;
        return HighestReady() > level || (_bumped is { } b && Record(b).Level == level && _levels[level].Contains(b));
    }

    public long NextTimer => _options.BoostPeriod > 0 ? checked((_boosts + 1) * _options.BoostPeriod) : long.MaxValue;

    /// <summary>
    /// The boost: the top level keeps its order, then the lower levels' jobs
    /// follow, bottom level first, each in its own order (as OSTEP's mlfq.py
    /// does). Blocked jobs catch up when they wake.
    /// </summary>
    public void OnTimer(long now)
    {
        if (_options.BoostPeriod <= 0 || now < NextTimer) return;
        _boosts = now / _options.BoostPeriod;
        var top = _levels[_top];
        for (var n = top.Count; n > 0; n--) BoostQueued(top.PopFront()!);
        for (var level = 0; level < _top; level++)
            while (_levels[level].PopFront() is { } p) BoostQueued(p);
    }

    private void BoostQueued(Process p)
    {
        Boost(ref Record(p));
        _levels[_top].PushBack(p);
    }

    /// <summary>Back to the top with a fresh quantum and allotment.</summary>
    private void Boost(ref Job j)
    {
        j.Level = _top;
        j.Epoch = _boosts;
        (j.Ticks, j.Allotment) = (_options.Quanta[_top], _options.Allotments[_top]);
    }

    /// <summary>Charges <paramref name="ran"/> ticks to the current quantum; a quantum used up counts against the allotment.</summary>
    private void Charge(ref Job j, long ran)
    {
        if (Use(ref j, ran)) EndQuantum(ref j);
    }

    /// <summary>
    /// Takes <paramref name="ran"/> ticks off the quantum; true if that used it
    /// up. A quantum of 0 or less never ends: it only counts down further.
    /// </summary>
    private static bool Use(ref Job j, long ran)
    {
        var ended = j.Ticks > 0 && ran >= j.Ticks;
        j.Ticks -= ran;
        return ended;
    }

    /// <summary>A whole quantum used: one less in the allotment; an allotment used up moves the job down (or restarts it at the bottom).</summary>
    private void EndQuantum(ref Job j)
    {
        if (--j.Allotment == 0)
        {
            if (j.Level > 0) j.Level--;
            j.Allotment = _options.Allotments[j.Level];
        }
        j.Ticks = _options.Quanta[j.Level];
    }

    private int HighestReady()
    {
        for (var level = _top; level >= 0; level--)
            if (_levels[level].Count > 0) return level;
        return -1;
    }

    /// <summary>The current quantum's remainder; none left (a quantum of 0 or less) means no timer.</summary>
    private long Slice(Process p) => Record(p).Ticks is > 0 and var ticks ? ticks : Pick.Unlimited;

    private ref Job Record(Process p) => ref _jobs[p.Pid];

    private static string List(IReadOnlyList<long> perLevel) =>
        perLevel.All(x => x == perLevel[0]) ? $"{perLevel[0]}" : string.Join('/', perLevel.Reverse());

    /// <summary>The policy's record of one job (it never writes the PCB).</summary>
    private struct Job
    {
        public int Level;
        public long Ticks;
        public long Allotment;
        public long Epoch;
    }
}
