namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Ticket counts in numbered slots, as a segment tree: setting a slot and
/// finding the first slot whose running sum of tickets exceeds a number both
/// take O(log n). Each node keeps the sum of its range and the highest running
/// sum over a prefix of it, so the search works with zero and negative counts
/// too, where running sums do not grow monotonically. Unused slots hold 0.
/// </summary>
internal sealed class TicketTree
{
    private long[] _sum = new long[128];
    private long[] _bestPrefix = new long[128];
    /// <summary>Slots the tree can hold: a power of two; node i's children are 2i and 2i + 1, leaves start here.</summary>
    private int _leaves = 64;

    public long Total => _sum[1];

    public void Set(int slot, long tickets)
    {
        while (slot >= _leaves) Grow();
        var i = slot + _leaves;
        _sum[i] = _bestPrefix[i] = tickets;
        for (i >>= 1; i >= 1; i >>= 1) Combine(i);
    }

    /// <summary>The first slot whose running sum, from slot 0, is greater than <paramref name="ticket"/>; -1 if none is.</summary>
    public int FirstAbove(long ticket)
    {
        if (_bestPrefix[1] <= ticket) return -1;
        var node = 1;
        long before = 0;
        while (node < _leaves)
        {
            var left = 2 * node;
            if (before + _bestPrefix[left] > ticket) node = left;
            else
            {
                before += _sum[left];
                node = left + 1;
            }
        }
        return node - _leaves;
    }

    private void Combine(int node)
    {
        var (left, right) = (2 * node, 2 * node + 1);
        _sum[node] = _sum[left] + _sum[right];
        _bestPrefix[node] = Math.Max(_bestPrefix[left], _sum[left] + _bestPrefix[right]);
    }

    private void Grow()
    {
        var leaves = _leaves * 2;
        var sum = new long[2 * leaves];
        var best = new long[2 * leaves];
        Array.Copy(_sum, _leaves, sum, leaves, _leaves);
        Array.Copy(_bestPrefix, _leaves, best, leaves, _leaves);
        (_sum, _bestPrefix, _leaves) = (sum, best, leaves);
        for (var node = leaves - 1; node >= 1; node--) Combine(node);
    }
}
