using System.Numerics;
using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Tests;

/// <summary>An exact dyadic rational Num * 2^Exp, the test oracle for floating-point rounding.</summary>
internal readonly record struct ExactValue(BigInteger Num, int Exp)
{
    public static ExactValue FromBits(FpFormat f, ulong bits)
    {
        int biased = f.BiasedExponent(bits);
        BigInteger frac = bits & f.FractionMask;
        var (num, exp) = biased == 0
            ? (frac, f.ExponentMin - f.FractionBits)
            : (frac + (BigInteger.One << f.FractionBits), biased - f.Bias - f.FractionBits);
        return new ExactValue(f.Sign(bits) ? -num : num, exp);
    }

    public static ExactValue operator +(ExactValue a, ExactValue b)
    {
        int e = Math.Min(a.Exp, b.Exp);
        return new ExactValue((a.Num << (a.Exp - e)) + (b.Num << (b.Exp - e)), e);
    }

    public static ExactValue operator -(ExactValue a) => a with { Num = -a.Num };

    public static ExactValue operator -(ExactValue a, ExactValue b) => a + -b;

    public static ExactValue operator *(ExactValue a, ExactValue b) => new(a.Num * b.Num, a.Exp + b.Exp);

    public ExactValue Half => this with { Exp = Exp - 1 };

    public int Sign => Num.Sign;
}
