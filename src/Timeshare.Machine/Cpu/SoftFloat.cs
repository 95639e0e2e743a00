using System.Numerics;

namespace Timeshare.Machine.Cpu;

/// <summary>
/// Correctly rounded IEEE 754 arithmetic for binary32/binary64 in all five RISC-V rounding
/// modes, with exact exception flags. Each operation forms its exact result (or the result
/// with the discarded low bits OR-ed into a sticky bit far below the rounding point) as
/// sign * sig * 2^exp with a 128-bit integer sig, then <see cref="Round"/> rounds it once.
/// Tininess is detected after rounding, as RISC-V specifies.
/// All NaN results are the canonical NaN. Never allocates. Round-to-nearest-even on
/// ordinary operands takes the exact <see cref="HardwareFloat"/> fast path instead.
/// </summary>
internal static class SoftFloat
{
    /// <summary>Operands are normalised so their top bit sits here, leaving room for a carry.</summary>
    private const int NormalizedTop = 125;

    private readonly record struct Unpacked(bool Sign, int Exp, UInt128 Sig);

    // ---- arithmetic -------------------------------------------------------------------------

    public static ulong Add(FpFormat f, ulong a, ulong b, RoundingMode rm, ref FpFlags flags)
    {
        if (rm == RoundingMode.NearestEven && HardwareFloat.TryAdd(f, a, b, out ulong fast, ref flags))
            return fast;
        if (f.IsNaN(a) || f.IsNaN(b))
            return PropagateNaN(f, a, b, 0, ref flags);
        bool infA = f.IsInfinity(a), infB = f.IsInfinity(b);
        if (infA || infB)
        {
            if (infA && infB && f.Sign(a) != f.Sign(b))
                return Invalid(f, ref flags);
            return infA ? a : b;
        }
        return AddFinite(f, Unpack(f, a), Unpack(f, b), rm, ref flags);
    }

    public static ulong Sub(FpFormat f, ulong a, ulong b, RoundingMode rm, ref FpFlags flags) =>
        f.IsNaN(b) ? PropagateNaN(f, a, b, 0, ref flags) : Add(f, a, b ^ f.SignBit, rm, ref flags);

    public static ulong Mul(FpFormat f, ulong a, ulong b, RoundingMode rm, ref FpFlags flags)
    {
        if (rm == RoundingMode.NearestEven && HardwareFloat.TryMul(f, a, b, out ulong fast, ref flags))
            return fast;
        if (f.IsNaN(a) || f.IsNaN(b))
            return PropagateNaN(f, a, b, 0, ref flags);
        bool sign = f.Sign(a) ^ f.Sign(b);
        if (f.IsInfinity(a) || f.IsInfinity(b))
        {
            if (f.IsZero(a) || f.IsZero(b))
                return Invalid(f, ref flags);
            return Infinity(f, sign);
        }
        if (f.IsZero(a) || f.IsZero(b))
            return Zero(f, sign);
        Unpacked x = Unpack(f, a), y = Unpack(f, b);
        return Round(f, sign, x.Exp + y.Exp, x.Sig * y.Sig, rm, ref flags);
    }

    public static ulong Div(FpFormat f, ulong a, ulong b, RoundingMode rm, ref FpFlags flags)
    {
        if (rm == RoundingMode.NearestEven && HardwareFloat.TryDiv(f, a, b, out ulong fast, ref flags))
            return fast;
        if (f.IsNaN(a) || f.IsNaN(b))
            return PropagateNaN(f, a, b, 0, ref flags);
        bool sign = f.Sign(a) ^ f.Sign(b);
        bool infA = f.IsInfinity(a), infB = f.IsInfinity(b), zeroA = f.IsZero(a), zeroB = f.IsZero(b);
        if ((infA && infB) || (zeroA && zeroB))
            return Invalid(f, ref flags);
        if (infA)
            return Infinity(f, sign);
        if (zeroB)
        {
            flags |= FpFlags.DivideByZero;
            return Infinity(f, sign);
        }
        if (zeroA || infB)
            return Zero(f, sign);
        Unpacked x = Normalize(Unpack(f, a), 120), y = Normalize(Unpack(f, b), 52);
        // x.Sig is in [2^120, 2^121) and y.Sig in [2^52, 2^53), so the quotient has at least
        // 67 bits: a sticky bit for a non-zero remainder lands well below the rounding point.
        UInt128 q = UInt128.DivRem(x.Sig, y.Sig) is var (quot, rem) && rem != 0 ? quot | 1 : quot;
        return Round(f, sign, x.Exp - y.Exp, q, rm, ref flags);
    }

    public static ulong Sqrt(FpFormat f, ulong a, RoundingMode rm, ref FpFlags flags)
    {
        if (rm == RoundingMode.NearestEven && HardwareFloat.TrySqrt(f, a, out ulong fast, ref flags))
            return fast;
        if (f.IsNaN(a))
            return PropagateNaN(f, a, a, 0, ref flags);
        if (f.IsZero(a))
            return a;
        if (f.Sign(a))
            return Invalid(f, ref flags);
        if (f.IsInfinity(a))
            return a;
        Unpacked x = Normalize(Unpack(f, a), 120);
        // Make the exponent even so it halves exactly; the radicand keeps >= 120 bits, so the
        // root has >= 60 bits and the sticky bit is far below the rounding point.
        UInt128 sig = x.Sig;
        int exp = x.Exp;
        if ((exp & 1) != 0)
        {
            sig <<= 1;
            exp--;
        }
        UInt128 root = IntegerSqrt(sig, out bool exact);
        return Round(f, false, exp / 2, exact ? root : root | 1, rm, ref flags);
    }

    /// <summary>(±a*b) ± c with one rounding. negateProduct/negateAddend give FMSUB/FNMSUB/FNMADD.</summary>
    public static ulong MulAdd(FpFormat f, ulong a, ulong b, ulong c, bool negateProduct, bool negateAddend, RoundingMode rm, ref FpFlags flags)
    {
        if (rm == RoundingMode.NearestEven
            && HardwareFloat.TryMulAdd(f, negateProduct ? a ^ f.SignBit : a, b, negateAddend ? c ^ f.SignBit : c, out ulong fast, ref flags))
            return fast;
        bool infA = f.IsInfinity(a), infB = f.IsInfinity(b), zeroA = f.IsZero(a), zeroB = f.IsZero(b);
        // RISC-V: inf*0 is invalid even when the addend is a quiet NaN.
        if ((infA && zeroB) || (zeroA && infB))
            return Invalid(f, ref flags);
        if (f.IsNaN(a) || f.IsNaN(b) || f.IsNaN(c))
            return PropagateNaN(f, a, b, c, ref flags);
        bool signP = f.Sign(a) ^ f.Sign(b) ^ negateProduct;
        if (negateAddend)
            c ^= f.SignBit;
        bool infC = f.IsInfinity(c);
        if (infA || infB)
        {
            if (infC && f.Sign(c) != signP)
                return Invalid(f, ref flags);
            return Infinity(f, signP);
        }
        if (infC)
            return c;
        if (zeroA || zeroB)
        {
            if (!f.IsZero(c))
                return c;
            return f.Sign(c) == signP ? c : Zero(f, rm == RoundingMode.Down);
        }
        Unpacked x = Unpack(f, a), y = Unpack(f, b);
        var product = new Unpacked(signP, x.Exp + y.Exp, x.Sig * y.Sig);
        if (f.IsZero(c))
            return Round(f, signP, product.Exp, product.Sig, rm, ref flags);
        return AddFinite(f, product, Unpack(f, c), rm, ref flags);
    }

    // ---- comparisons and sign/class operations ------------------------------------------------

    /// <summary>FMIN/FMAX: a NaN operand is ignored unless both are NaN; -0 is below +0; sNaN raises NV.</summary>
    public static ulong MinMax(FpFormat f, ulong a, ulong b, bool max, ref FpFlags flags)
    {
        if (f.IsSignalingNaN(a) || f.IsSignalingNaN(b))
            flags |= FpFlags.Invalid;
        bool nanA = f.IsNaN(a), nanB = f.IsNaN(b);
        if (nanA && nanB)
            return f.CanonicalNaN;
        if (nanA)
            return b;
        if (nanB)
            return a;
        bool aLess = Less(f, a, b) || (f.IsZero(a) && f.IsZero(b) && f.Sign(a) && !f.Sign(b));
        return aLess != max ? a : b;
    }

    /// <summary>FEQ is a quiet comparison: only signalling NaNs raise NV.</summary>
    public static bool Equal(FpFormat f, ulong a, ulong b, ref FpFlags flags)
    {
        if (f.IsNaN(a) || f.IsNaN(b))
        {
            if (f.IsSignalingNaN(a) || f.IsSignalingNaN(b))
                flags |= FpFlags.Invalid;
            return false;
        }
        return a == b || (f.IsZero(a) && f.IsZero(b));
    }

    /// <summary>FLT/FLE are signalling comparisons: any NaN raises NV.</summary>
    public static bool LessThan(FpFormat f, ulong a, ulong b, bool orEqual, ref FpFlags flags)
    {
        if (f.IsNaN(a) || f.IsNaN(b))
        {
            flags |= FpFlags.Invalid;
            return false;
        }
        return Less(f, a, b) || (orEqual && (a == b || (f.IsZero(a) && f.IsZero(b))));
    }

    public static ulong Classify(FpFormat f, ulong a)
    {
        bool neg = f.Sign(a);
        int bit;
        if (f.IsNaN(a))
            bit = f.IsSignalingNaN(a) ? 8 : 9;
        else if (f.IsInfinity(a))
            bit = neg ? 0 : 7;
        else if (f.IsZero(a))
            bit = neg ? 3 : 4;
        else if (f.BiasedExponent(a) == 0)
            bit = neg ? 2 : 5;
        else
            bit = neg ? 1 : 6;
        return 1UL << bit;
    }

    // ---- conversions -----------------------------------------------------------------------

    public static ulong Convert(FpFormat to, FpFormat from, ulong a, RoundingMode rm, ref FpFlags flags)
    {
        if (from.IsNaN(a))
            return PropagateNaN(to, from, a, ref flags);
        bool sign = from.Sign(a);
        if (from.IsInfinity(a))
            return Infinity(to, sign);
        if (from.IsZero(a))
            return Zero(to, sign);
        Unpacked x = Unpack(from, a);
        return Round(to, sign, x.Exp, x.Sig, rm, ref flags);
    }

    /// <summary>
    /// FCVT to a 32- or 64-bit (un)signed integer: rounds by rm, saturates out-of-range values
    /// and NaN (to the maximum) with NV instead of NX. Returns the value as RISC-V writes it to
    /// rd: 32-bit results sign-extended, also for the unsigned form.
    /// </summary>
    public static ulong ToInteger(FpFormat f, ulong a, int bits, bool signed, RoundingMode rm, ref FpFlags flags)
    {
        UInt128 maxMagnitudePositive = signed ? (UInt128.One << (bits - 1)) - 1 : (UInt128.One << bits) - 1;
        UInt128 maxMagnitudeNegative = signed ? UInt128.One << (bits - 1) : 0;
        ulong maxResult = (ulong)maxMagnitudePositive, minResult = signed ? 0UL - (ulong)maxMagnitudeNegative : 0;

        ulong? saturated = null;
        bool sign = f.Sign(a);
        UInt128 magnitude = 0;
        bool inexact = false;
        if (f.IsNaN(a))
            saturated = maxResult;
        else if (f.IsInfinity(a))
            saturated = sign ? minResult : maxResult;
        else if (!f.IsZero(a))
        {
            Unpacked x = Unpack(f, a);
            int top = 127 - (int)UInt128.LeadingZeroCount(x.Sig);
            if (x.Exp < 0)
                magnitude = ShiftRound(x.Sig, -x.Exp, sign, rm, out inexact);
            else if (x.Exp + top < 64)
                magnitude = x.Sig << x.Exp;
            else
                saturated = sign ? minResult : maxResult;
            if (magnitude > (sign ? maxMagnitudeNegative : maxMagnitudePositive))
                saturated = sign ? minResult : maxResult;
        }

        ulong result;
        if (saturated is ulong s)
        {
            flags |= FpFlags.Invalid;
            result = s;
        }
        else
        {
            if (inexact)
                flags |= FpFlags.Inexact;
            result = sign ? 0UL - (ulong)magnitude : (ulong)magnitude;
        }
        return bits == 32 ? (ulong)(long)(int)result : result;
    }

    /// <summary>FCVT from an integer: <paramref name="value"/> already extended from its 32 or 64 bits.</summary>
    public static ulong FromInteger(FpFormat f, ulong value, bool signed, RoundingMode rm, ref FpFlags flags)
    {
        if (value == 0)
            return 0;
        bool sign = signed && (long)value < 0;
        ulong magnitude = sign ? 0UL - value : value;
        return Round(f, sign, 0, magnitude, rm, ref flags);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static bool Less(FpFormat f, ulong a, ulong b)
    {
        bool sa = f.Sign(a), sb = f.Sign(b);
        if (f.IsZero(a) && f.IsZero(b))
            return false;
        if (sa != sb)
            return sa;
        ulong ma = a & ~f.SignBit, mb = b & ~f.SignBit;
        return sa ? ma > mb : ma < mb;
    }

    private static Unpacked Unpack(FpFormat f, ulong bits)
    {
        int biased = f.BiasedExponent(bits);
        ulong frac = bits & f.FractionMask;
        return biased == 0
            ? new Unpacked(f.Sign(bits), f.ExponentMin - f.FractionBits, frac)
            : new Unpacked(f.Sign(bits), biased - f.Bias - f.FractionBits, frac | (1UL << f.FractionBits));
    }

    /// <summary>Shift a non-zero sig so its top bit is at <paramref name="top"/> (exactly; only shifts left here).</summary>
    private static Unpacked Normalize(Unpacked x, int top)
    {
        int shift = top - (127 - (int)UInt128.LeadingZeroCount(x.Sig));
        return x with { Sig = x.Sig << shift, Exp = x.Exp - shift };
    }

    private static ulong AddFinite(FpFormat f, Unpacked a, Unpacked b, RoundingMode rm, ref FpFlags flags)
    {
        if (a.Sig == 0)
            return b.Sig == 0 ? Zero(f, a.Sign == b.Sign ? a.Sign : rm == RoundingMode.Down) : Round(f, b.Sign, b.Exp, b.Sig, rm, ref flags);
        if (b.Sig == 0)
            return Round(f, a.Sign, a.Exp, a.Sig, rm, ref flags);
        a = Normalize(a, NormalizedTop);
        b = Normalize(b, NormalizedTop);
        if (a.Exp < b.Exp)
            (a, b) = (b, a);
        // Inputs carry at most 106 significant bits, so a shift of < 20 loses nothing; a larger
        // shift means |b| < 2^-19 |a|, cancellation removes at most one bit, and the sticky
        // bit stays far below the rounding point.
        UInt128 bSig = ShiftRightJam(b.Sig, a.Exp - b.Exp);
        if (a.Sign == b.Sign)
            return Round(f, a.Sign, a.Exp, a.Sig + bSig, rm, ref flags);
        if (a.Sig == bSig)
            return Zero(f, rm == RoundingMode.Down);
        return a.Sig > bSig
            ? Round(f, a.Sign, a.Exp, a.Sig - bSig, rm, ref flags)
            : Round(f, b.Sign, a.Exp, bSig - a.Sig, rm, ref flags);
    }

    private static UInt128 ShiftRightJam(UInt128 x, int shift)
    {
        if (shift == 0)
            return x;
        if (shift >= 128)
            return x != 0 ? UInt128.One : UInt128.Zero;
        UInt128 lost = x & ((UInt128.One << shift) - 1);
        return (x >> shift) | (lost != 0 ? UInt128.One : UInt128.Zero);
    }

    /// <summary>sig / 2^shift rounded to an integer by rm (may carry into a new top bit). shift &gt; 0.</summary>
    private static UInt128 ShiftRound(UInt128 sig, int shift, bool sign, RoundingMode rm, out bool inexact)
    {
        UInt128 kept, rem;
        int cmpHalf; // sign of (rem - half)
        if (shift >= 128)
        {
            // sig < 2^126 <= half: strictly below half an ulp.
            kept = 0;
            rem = sig;
            cmpHalf = -1;
        }
        else
        {
            kept = sig >> shift;
            rem = sig & ((UInt128.One << shift) - 1);
            UInt128 half = UInt128.One << (shift - 1);
            cmpHalf = rem.CompareTo(half);
        }
        inexact = rem != 0;
        bool up = rm switch
        {
            RoundingMode.NearestEven => cmpHalf > 0 || (cmpHalf == 0 && (kept & 1) != 0),
            RoundingMode.NearestMaxMagnitude => cmpHalf >= 0,
            RoundingMode.Down => inexact && sign,
            RoundingMode.Up => inexact && !sign,
            _ => false,
        };
        return up ? kept + 1 : kept;
    }

    /// <summary>Round sign * sig * 2^exp (sig != 0) to format f, raising NX/UF/OF as IEEE 754 with after-rounding tininess.</summary>
    private static ulong Round(FpFormat f, bool sign, int exp, UInt128 sig, RoundingMode rm, ref FpFlags flags)
    {
        int p = f.Precision;
        int top = 127 - (int)UInt128.LeadingZeroCount(sig);
        int e = exp + top; // value in [2^e, 2^(e+1))
        int lsbExp = Math.Max(e, f.ExponentMin) - (p - 1);
        int shift = lsbExp - exp;
        UInt128 kept;
        bool inexact = false;
        if (shift <= 0)
            kept = sig << -shift;
        else
            kept = ShiftRound(sig, shift, sign, rm, out inexact);
        if (kept == UInt128.One << p)
        {
            kept >>= 1;
            lsbExp++;
        }
        bool normal = kept >= UInt128.One << (p - 1);
        if (normal && lsbExp + p - 1 > f.ExponentMax)
        {
            flags |= FpFlags.Overflow | FpFlags.Inexact;
            bool toMax = rm == RoundingMode.TowardZero || (rm == RoundingMode.Down && !sign) || (rm == RoundingMode.Up && sign);
            return (sign ? f.SignBit : 0) | (toMax ? f.MaxFinite : f.PositiveInfinity);
        }
        if (inexact)
        {
            flags |= FpFlags.Inexact;
            if (IsTinyAfterRounding(f, sign, exp, sig, e, top, rm))
                flags |= FpFlags.Underflow;
        }
        ulong frac = (ulong)kept;
        ulong biased = normal ? (ulong)(lsbExp + p - 1 + f.Bias) : 0;
        return (sign ? f.SignBit : 0) | (biased << f.FractionBits) | (frac & f.FractionMask);
    }

    /// <summary>Would the result, rounded to p bits with an unbounded exponent, still be below 2^emin?</summary>
    private static bool IsTinyAfterRounding(FpFormat f, bool sign, int exp, UInt128 sig, int e, int top, RoundingMode rm)
    {
        if (e >= f.ExponentMin)
            return false;
        if (e < f.ExponentMin - 1)
            return true;
        int shift = top - (f.Precision - 1);
        if (shift <= 0)
            return true;
        return ShiftRound(sig, shift, sign, rm, out _) < UInt128.One << f.Precision;
    }

    private static UInt128 IntegerSqrt(UInt128 n, out bool exact)
    {
        UInt128 rem = n, root = 0, bit = UInt128.One << 126;
        while (bit > rem)
            bit >>= 2;
        while (bit != 0)
        {
            if (rem >= root + bit)
            {
                rem -= root + bit;
                root = (root >> 1) + bit;
            }
            else
            {
                root >>= 1;
            }
            bit >>= 2;
        }
        exact = rem == 0;
        return root;
    }

    private static ulong PropagateNaN(FpFormat f, ulong a, ulong b, ulong c, ref FpFlags flags)
    {
        if (f.IsSignalingNaN(a) || f.IsSignalingNaN(b) || f.IsSignalingNaN(c))
            flags |= FpFlags.Invalid;
        return f.CanonicalNaN;
    }

    private static ulong PropagateNaN(FpFormat to, FpFormat from, ulong a, ref FpFlags flags)
    {
        if (from.IsSignalingNaN(a))
            flags |= FpFlags.Invalid;
        return to.CanonicalNaN;
    }

    private static ulong Invalid(FpFormat f, ref FpFlags flags)
    {
        flags |= FpFlags.Invalid;
        return f.CanonicalNaN;
    }

    private static ulong Infinity(FpFormat f, bool sign) => (sign ? f.SignBit : 0) | f.PositiveInfinity;

    private static ulong Zero(FpFormat f, bool sign) => sign ? f.SignBit : 0;
}
