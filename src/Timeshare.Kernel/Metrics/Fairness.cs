namespace Timeshare.Kernel.Metrics;

/// <summary>Jain's fairness index: 1 when every value is equal, 1/n when one takes everything.</summary>
public static class Fairness
{
    public static double Jain(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return 1;
        var sum = values.Sum();
        var squares = values.Sum(x => x * x);
        return squares == 0 ? 1 : sum * sum / (values.Count * squares);
    }
}
