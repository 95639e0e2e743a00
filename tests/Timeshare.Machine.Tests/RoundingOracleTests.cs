using Timeshare.Machine.Cpu;

namespace Timeshare.Machine.Tests;

/// <summary>
/// Random operands, every rounding mode, both formats: each SoftFloat result is checked
/// against the exact value with BigInteger arithmetic (it must be the neighbour the mode
/// selects), NX must say whether it was exact, and in round-to-nearest-even the result
/// must equal the host's IEEE hardware result bit for bit.
/// </summary>
public sealed class RoundingOracleTests
{
    public enum Operation { Add, Sub, Mul, Div, Sqrt, MulAdd }

    private static readonly RoundingMode[] Modes =
        [RoundingMode.NearestEven, RoundingMode.TowardZero, RoundingMode.Down, RoundingMode.Up, RoundingMode.NearestMaxMagnitude];

    public static TheoryData<Operation, bool> Cases()
    {
        var data = new TheoryData<Operation, bool>();
        foreach (Operation op in Enum.GetValues<Operation>())
        {
            data.Add(op, false);
            data.Add(op, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResultIsTheCorrectlyRoundedNeighbour(Operation op, bool isDouble)
    {
        FpFormat f = isDouble ? FpFormat.Double : FpFormat.Single;
        var rng = new Random(1000 * (int)op + (isDouble ? 1 : 0));
        int checkedCount = 0;
        for (int i = 0; i < 1500; i++)
        {
            ulong a = RandomOperand(f, rng), b = RandomOperand(f, rng), c = RandomOperand(f, rng);
            if (op == Operation.Sqrt)
                a &= ~f.SignBit;
            if (rng.Next(3) == 0 && op is Operation.Add or Operation.Sub or Operation.MulAdd)
                b = Near(f, op == Operation.MulAdd ? c : a, rng); // provoke cancellation
            if (op == Operation.MulAdd && rng.Next(3) == 0)
                c = Near(f, Compute(f, Operation.Mul, a, b, 0, RoundingMode.NearestEven, out _) ^ f.SignBit, rng);
            foreach (RoundingMode rm in Modes)
            {
                ulong r = Compute(f, op, a, b, c, rm, out FpFlags flags);
                if (f.IsNaN(r) || f.IsInfinity(r) || (r & ~f.SignBit) == f.MaxFinite)
                    continue; // overflow and invalid cases have their own tests
                Func<ExactValue, int> cmp = Comparator(f, op, a, b, c);
                AssertCorrectlyRounded(f, r, rm, cmp, $"{op} {a:x} {b:x} {c:x} {rm}");
                bool exact = cmp(ExactValue.FromBits(f, r)) == 0;
                Assert.Equal(!exact, flags.HasFlag(FpFlags.Inexact));
                if (!exact && (r & ~f.SignBit) < (1UL << f.FractionBits))
                    Assert.True(flags.HasFlag(FpFlags.Underflow), "inexact subnormal result must underflow");
                if (rm == RoundingMode.NearestEven)
                    Assert.Equal(Hardware(f, op, a, b, c), r);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 3000, $"only {checkedCount} finite results checked");
    }

    private static ulong Compute(FpFormat f, Operation op, ulong a, ulong b, ulong c, RoundingMode rm, out FpFlags flags)
    {
        flags = FpFlags.None;
        return op switch
        {
            Operation.Add => SoftFloat.Add(f, a, b, rm, ref flags),
            Operation.Sub => SoftFloat.Sub(f, a, b, rm, ref flags),
            Operation.Mul => SoftFloat.Mul(f, a, b, rm, ref flags),
            Operation.Div => SoftFloat.Div(f, a, b, rm, ref flags),
            Operation.Sqrt => SoftFloat.Sqrt(f, a, rm, ref flags),
            _ => SoftFloat.MulAdd(f, a, b, c, false, false, rm, ref flags),
        };
    }

    /// <summary>sign(candidate - exact result), computed exactly.</summary>
    private static Func<ExactValue, int> Comparator(FpFormat f, Operation op, ulong a, ulong b, ulong c)
    {
        ExactValue x = ExactValue.FromBits(f, a), y = ExactValue.FromBits(f, b), z = ExactValue.FromBits(f, c);
        return op switch
        {
            Operation.Add => v => (v - (x + y)).Sign,
            Operation.Sub => v => (v - (x - y)).Sign,
            Operation.Mul => v => (v - x * y).Sign,
            Operation.MulAdd => v => (v - (x * y + z)).Sign,
            // v - x/y has the sign of (v*y - x) * sign(y)
            Operation.Div => v => (v * y - x).Sign * y.Sign,
            // for v >= 0: v - sqrt(x) has the sign of v^2 - x; every negative v is below
            _ => v => v.Sign < 0 ? -1 : (v * v - x).Sign,
        };
    }

    private static void AssertCorrectlyRounded(FpFormat f, ulong r, RoundingMode rm, Func<ExactValue, int> cmp, string what)
    {
        ExactValue value = ExactValue.FromBits(f, r);
        ulong upBits = NextUp(f, r), downBits = NextUp(f, r ^ f.SignBit) ^ f.SignBit;
        ExactValue up = ExactValue.FromBits(f, upBits), down = ExactValue.FromBits(f, downBits);
        int here = cmp(value);
        bool positive = !f.Sign(r) && !(f.IsZero(r) && here > 0);
        switch (rm)
        {
            case RoundingMode.Down:
                Assert.True(here <= 0 && cmp(up) > 0, what);
                break;
            case RoundingMode.Up:
                Assert.True(here >= 0 && cmp(down) < 0, what);
                break;
            case RoundingMode.TowardZero:
                if (positive)
                    Assert.True(here <= 0 && cmp(up) > 0, what);
                else
                    Assert.True(here >= 0 && cmp(down) < 0, what);
                break;
            default:
                int aboveLowMid = cmp((value + down).Half), belowHighMid = cmp((value + up).Half);
                Assert.True(aboveLowMid <= 0 && belowHighMid >= 0, what);
                bool even = (r & 1) == 0;
                if (belowHighMid == 0) // tie with the next value up
                    Assert.True(rm == RoundingMode.NearestEven ? even : value.Sign < 0, what);
                if (aboveLowMid == 0) // tie with the next value down
                    Assert.True(rm == RoundingMode.NearestEven ? even : value.Sign > 0, what);
                break;
        }
    }

    /// <summary>The next representable value above r (for -0 the smallest positive subnormal).</summary>
    private static ulong NextUp(FpFormat f, ulong r)
    {
        if (f.IsZero(r))
            return 1;
        return f.Sign(r) ? r - 1 : r + 1;
    }

    private static ulong RandomOperand(FpFormat f, Random rng)
    {
        ulong frac = (ulong)rng.NextInt64() & f.FractionMask;
        ulong sign = rng.Next(2) == 0 ? 0 : f.SignBit;
        int kind = rng.Next(10);
        int biased = kind switch
        {
            0 => 0,                                                // subnormal
            1 => rng.Next(1, 4),                                   // near the bottom
            2 => rng.Next(f.BiasedExponentAllOnes - 3, f.BiasedExponentAllOnes), // near the top
            _ => f.Bias + rng.Next(-f.Bias / 4, f.Bias / 4),       // ordinary
        };
        if (rng.Next(8) == 0)
            frac &= ~((1UL << rng.Next(f.FractionBits)) - 1);      // short significands make exact and tie cases
        return sign | ((ulong)biased << f.FractionBits) | frac;
    }

    /// <summary>A value within a few binades of x, of either sign.</summary>
    private static ulong Near(FpFormat f, ulong x, Random rng)
    {
        if (f.IsNaN(x) || f.IsInfinity(x))
            return x;
        int biased = Math.Clamp(f.BiasedExponent(x) + rng.Next(-3, 4), 0, f.BiasedExponentAllOnes - 1);
        ulong frac = (x & f.FractionMask) ^ ((ulong)rng.Next(1 << 12));
        return (x & f.SignBit) ^ (rng.Next(2) == 0 ? f.SignBit : 0) | ((ulong)biased << f.FractionBits) | (frac & f.FractionMask);
    }

    /// <summary>The host's IEEE result (round-to-nearest-even), with NaNs canonicalised as RISC-V does.</summary>
    private static ulong Hardware(FpFormat f, Operation op, ulong a, ulong b, ulong c)
    {
        if (f.Width == 64)
        {
            double x = BitConverter.UInt64BitsToDouble(a), y = BitConverter.UInt64BitsToDouble(b), z = BitConverter.UInt64BitsToDouble(c);
            double r = op switch
            {
                Operation.Add => x + y, Operation.Sub => x - y, Operation.Mul => x * y, Operation.Div => x / y,
                Operation.Sqrt => Math.Sqrt(x), _ => Math.FusedMultiplyAdd(x, y, z),
            };
            return double.IsNaN(r) ? f.CanonicalNaN : BitConverter.DoubleToUInt64Bits(r);
        }
        float xs = BitConverter.UInt32BitsToSingle((uint)a), ys = BitConverter.UInt32BitsToSingle((uint)b), zs = BitConverter.UInt32BitsToSingle((uint)c);
        float rs = op switch
        {
            Operation.Add => xs + ys, Operation.Sub => xs - ys, Operation.Mul => xs * ys, Operation.Div => xs / ys,
            Operation.Sqrt => MathF.Sqrt(xs), _ => MathF.FusedMultiplyAdd(xs, ys, zs),
        };
        return float.IsNaN(rs) ? f.CanonicalNaN : BitConverter.SingleToUInt32Bits(rs);
    }
}
