using Timeshare.Kernel.Processes;

namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Lottery scheduling (Waldspurger and Weihl): every quantum, draw a ticket at
/// random from those held by Ready processes; its holder runs. Over many
/// quanta each process gets a share of the CPU proportional to its tickets,
/// with no state to age or boost, and a newcomer is served as soon as it
/// holds tickets. The share is only probabilistic: over short spans it strays.
/// </summary>
/// <remarks>
/// Parameters: the quantum (default <see cref="DefaultQuantum"/> tick), the
/// random source (the kernel's seeded one, for a repeatable run). A process's
/// tickets are taken from its PCB when it is admitted; afterwards only
/// <see cref="Transfer"/> changes the policy's count, never the PCB.
/// Tickets live in slots of a segment tree, a slot per live process in the
/// order they were admitted (freed slots are reused); a Ready process's slot
/// holds its tickets, any other slot 0. A draw is a number below the total
/// and goes to the first slot whose running sum exceeds it: O(log n).
/// </remarks>
public sealed class Lottery : ISchedulingPolicy
{
    public const long DefaultQuantum = 1;
    private const int None = -1;

    private readonly IDrawSource _random;
    private readonly TicketTree _tree = new();
    private readonly Stack<int> _freeSlots = new();
    /// <summary>By pid: the process's slot, or <see cref="None"/>.</summary>
    private int[] _slotOf = [];
    /// <summary>By slot: its process (kept after exit under OSTEP's rules), its tickets, whether it is Ready.</summary>
    private Process?[] _owner = new Process?[64];
    private int[] _tickets = new int[64];
    private bool[] _ready = new bool[64];
    private int _slotsUsed;
    private Process? _lastWinner;
    /// <summary>Ready processes bound to some CPUs: while there are none, every draw uses the tree.</summary>
    private int _readyWithAffinity;

    /// <param name="ostepRules">
    /// Draw as OSTEP's lottery.py does, so that its traces can be reproduced:
    /// tickets may be zero or negative (the total then may be too, and the
    /// source is asked for a number "below" it); a process keeps its slot
    /// after it exits, with no tickets, and the draw still scans it; a ticket
    /// that no running sum exceeds goes to the previous winner again; and a
    /// draw that goes to a process that has exited is void: nobody runs and
    /// the lottery draws again (so a lottery nobody can win draws until its
    /// source runs dry: give it a finite one). Off, every process holds at
    /// least one ticket.
    /// </param>
    public Lottery(IDrawSource random, long quantum = DefaultQuantum, bool ostepRules = false)
    {
        if (quantum <= 0) throw new ArgumentOutOfRangeException(nameof(quantum), "the quantum must be positive");
        _random = random;
        Quantum = quantum;
        OstepRules = ostepRules;
    }

    public long Quantum { get; }
    public bool OstepRules { get; }
    public string Name => $"lottery:q={Quantum}";
    public int ReadyCount { get; private set; }

    /// <summary>Called after every draw, before its winner is dispatched: for traces.</summary>
    public Action<LotteryDraw>? Drawn { get; set; }

    /// <summary>The tickets the policy counts for live process <paramref name="p"/>.</summary>
    public int TicketsOf(Process p) => _tickets[LiveSlot(p)];

    /// <summary>
    /// Moves <paramref name="tickets"/> of <paramref name="from"/>'s tickets to
    /// <paramref name="to"/>, as a client blocked on a server lends it its
    /// tickets; moving them back ends the loan. The lender keeps at least one.
    /// </summary>
    public void Transfer(Process from, Process to, int tickets)
    {
        var (source, target) = (LiveSlot(from), LiveSlot(to));
        if (tickets <= 0) throw new ArgumentOutOfRangeException(nameof(tickets), "a transfer moves at least one ticket");
        if (_tickets[source] - tickets < 1 && !OstepRules)
            throw new ArgumentOutOfRangeException(nameof(tickets), $"{from} holds {_tickets[source]} tickets and must keep one");
        _tickets[source] -= tickets;
        _tickets[target] = checked(_tickets[target] + tickets);
        Refresh(source);
        Refresh(target);
    }

    public void Admit(Process p)
    {
        if (p.Tickets < 1 && !OstepRules)
            throw new ArgumentOutOfRangeException(nameof(p), $"{p} holds {p.Tickets} tickets; a lottery needs at least one");
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotsUsed++;
        if (slot == _owner.Length) GrowSlots();
        if (p.Pid >= _slotOf.Length) GrowPids(p.Pid);
        _slotOf[p.Pid] = slot;
        _owner[slot] = p;
        _tickets[slot] = p.Tickets;
        Enter(slot);
    }

    public Pick? PickNext(int cpu, long now)
    {
        if (_readyWithAffinity > 0) return DrawAmongAllowed(cpu);
        while (ReadyCount > 0)
        {
            var total = _tree.Total;
            if (!_random.TryNextBelow(total, out var ticket)) return null;
            var slot = _tree.FirstAbove(ticket);
            var winner = slot != None ? _owner[slot] : _lastWinner;
            if (winner is null && !OstepRules) throw new KernelBugException($"ticket {ticket} of {total} has no holder");
            var runs = winner is not null && IsReady(winner);
            _lastWinner = winner ?? _lastWinner;
            Drawn?.Invoke(new LotteryDraw(ticket, total, winner, runs));
            if (runs) return new Pick(winner!, Claim(winner!));
        }
        return null;
    }

    public long Claim(Process p)
    {
        Leave(SlotOf(p));
        return Quantum;
    }

    public void Remove(Process p) => Leave(SlotOf(p));
    public void OnExpired(Process p, long ran) => Enter(SlotOf(p));
    public void OnPreempted(Process p, long ran) => Enter(SlotOf(p));
    public void OnBlocked(Process p, long ran) { }
    public void OnWoken(Process p) => Enter(SlotOf(p));

    public void OnExited(Process p)
    {
        var slot = SlotOf(p);
        _slotOf[p.Pid] = None;
        // OSTEP's draw still scans the slots of processes that have exited.
        if (OstepRules) return;
        _owner[slot] = null;
        _freeSlots.Push(slot);
    }

    /// <summary>The quantum is the only preemption: the lottery is held when it ends.</summary>
    public bool ShouldPreempt(Process running, long ran) => false;

    /// <summary>False for a process that has exited, whose slot OSTEP's rules keep.</summary>
    /// <summary>
    /// With processes bound to CPUs, the lottery is held among those this CPU
    /// may run: the same proportional rule, by a scan of the slots, O(n).
    /// </summary>
    private Pick? DrawAmongAllowed(int cpu)
    {
        long total = 0;
        for (var slot = 0; slot < _slotsUsed; slot++)
            if (Eligible(slot, cpu)) total += Math.Max(0, _tickets[slot]);
        if (total <= 0 || !_random.TryNextBelow(total, out var drawn)) return null;
        var ticket = drawn;
        for (var slot = 0; slot < _slotsUsed; slot++)
        {
            if (!Eligible(slot, cpu) || (ticket -= Math.Max(0, _tickets[slot])) >= 0) continue;
            var winner = _owner[slot]!;
            _lastWinner = winner;
            Drawn?.Invoke(new LotteryDraw(drawn, total, winner, true));
            return new Pick(winner, Claim(winner));
        }
        throw new KernelBugException($"ticket below {total} has no holder");
    }

    private bool Eligible(int slot, int cpu) => _ready[slot] && _owner[slot]!.MayRunOn(cpu);

    private bool IsReady(Process p) => _slotOf[p.Pid] is var slot && slot != None && _ready[slot];

    private int SlotOf(Process p) =>
        p.Pid < _slotOf.Length && _slotOf[p.Pid] is var slot && slot != None ? slot : throw new KernelBugException($"{p} is not known to the lottery");

    /// <summary>For callers outside the kernel: an unknown process is their mistake, not a kernel bug.</summary>
    private int LiveSlot(Process p) =>
        p.Pid < _slotOf.Length && _slotOf[p.Pid] != None ? _slotOf[p.Pid] : throw new ArgumentException($"{p} is not a live process of this lottery", nameof(p));

    private void Enter(int slot)
    {
        if (_ready[slot]) throw new KernelBugException($"{_owner[slot]} is Ready twice");
        _ready[slot] = true;
        ReadyCount++;
        if (_owner[slot]!.Affinity is not null) _readyWithAffinity++;
        Refresh(slot);
    }

    private void Leave(int slot)
    {
        if (!_ready[slot]) throw new KernelBugException($"{_owner[slot]} is not Ready");
        _ready[slot] = false;
        ReadyCount--;
        if (_owner[slot]!.Affinity is not null) _readyWithAffinity--;
        Refresh(slot);
    }

    private void Refresh(int slot) => _tree.Set(slot, _ready[slot] ? _tickets[slot] : 0);

    private void GrowSlots()
    {
        Array.Resize(ref _owner, _owner.Length * 2);
        Array.Resize(ref _tickets, _owner.Length);
        Array.Resize(ref _ready, _owner.Length);
    }

    private void GrowPids(int pid)
    {
        var old = _slotOf.Length;
        Array.Resize(ref _slotOf, Math.Max(old * 2, pid + 64));
        Array.Fill(_slotOf, None, old, _slotOf.Length - old);
    }
}
