namespace Timeshare.Machine.Cpu;

/// <summary>An IEEE 754 binary format's parameters. Values are handled as raw bits in the low <see cref="Width"/> bits of a ulong.</summary>
internal readonly record struct FpFormat(int Width, int Precision, int Bias)
{
    public static readonly FpFormat Single = new(32, 24, 127);
    public static readonly FpFormat Double = new(64, 53, 1023);

    /// <summary>Format selected by an instruction's fmt field (0 = S, 1 = D).</summary>
    public static FpFormat FromField(long fmt) => fmt == 0 ? Single : Double;

    public int FractionBits => Precision - 1;
    public int ExponentMax => Bias;
    public int ExponentMin => 1 - Bias;
    public ulong SignBit => 1UL << (Width - 1);
    public ulong FractionMask => (1UL << FractionBits) - 1;
    public int BiasedExponentAllOnes => (1 << (Width - Precision)) - 1;
    public ulong PositiveInfinity => (ulong)BiasedExponentAllOnes << FractionBits;
    public ulong CanonicalNaN => PositiveInfinity | (1UL << (FractionBits - 1));
    public ulong MaxFinite => PositiveInfinity - 1;
    public ulong QuietBit => 1UL << (FractionBits - 1);

    public int BiasedExponent(ulong bits) => (int)(bits >> FractionBits) & BiasedExponentAllOnes;
    public bool Sign(ulong bits) => (bits & SignBit) != 0;
    public bool IsNaN(ulong bits) => (bits & ~SignBit) > PositiveInfinity;
    public bool IsSignalingNaN(ulong bits) => IsNaN(bits) && (bits & QuietBit) == 0;
    public bool IsInfinity(ulong bits) => (bits & ~SignBit) == PositiveInfinity;
    public bool IsZero(ulong bits) => (bits & ~SignBit) == 0;
}
