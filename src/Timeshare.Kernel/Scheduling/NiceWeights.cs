namespace Timeshare.Kernel.Scheduling;

/// <summary>
/// Linux's nice-to-weight table: each nice step is about 10% of CPU, weight
/// 1024 at nice 0, so two processes one nice apart share about 55:45.
/// </summary>
public static class NiceWeights
{
    public const int NiceZero = 1024;

    private static readonly int[] ByNice =
    [
        88761, 71755, 56483, 46273, 36291,
        29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906,
        3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423,
        335, 272, 215, 172, 137,
        110, 87, 70, 56, 45,
        36, 29, 23, 18, 15,
    ];

    /// <param name="nice">-20 to 19.</param>
    public static int Of(int nice) => ByNice[Math.Clamp(nice, -20, 19) + 20];
}
