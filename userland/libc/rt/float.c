/*
 * float.c - floating-point helpers clang may call: double <-> 128-bit
 * integer conversions and __builtin_powi. (long double is IEEE quad on
 * riscv64 and needs a soft-float library, which we do not provide.)
 */
#include <stdint.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static double from_bits(uint64_t b) { double d; memcpy(&d, &b, sizeof d); return d; }
static uint64_t to_bits(double d) { uint64_t b; memcpy(&b, &d, sizeof b); return b; }

/* 2^n as a double, 0 <= n <= 1023 */
static double pow2(int n) { return from_bits((uint64_t)(1023 + n) << 52); }

/* Truncating conversion of a non-negative double to u128 (saturating). */
static u128 trunc_u128(double x)
{
	if (!(x >= 1.0))	/* also catches NaN and negatives */
		return 0;
	if (x < 18446744073709551616.0)	/* 2^64: the hardware conversion is exact */
		return (uint64_t)x;
	uint64_t bits = to_bits(x);
	int e = (int)((bits >> 52) & 0x7ff) - 1075;	/* x = m * 2^e, e >= 12 here */
	if (e > 75)	/* x >= 2^128 or inf */
		return ~(u128)0;
	u128 m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
	return m << e;
}

u128 __fixunsdfti(double x) { return trunc_u128(x); }

i128 __fixdfti(double x)
{
	if (x < 0) {
		u128 m = trunc_u128(-x);
		return m > (u128)1 << 127 ? (i128)((u128)1 << 127) : -(i128)m;
	}
	u128 m = trunc_u128(x);
	return m >= (u128)1 << 127 ? (i128)(((u128)1 << 127) - 1) : (i128)m;
}

/*
 * u128 -> double, correctly rounded: shift the value down to 64 bits,
 * OR-ing every bit shifted out into bit 0 ("sticky"), then let the hardware
 * round the 64-bit value (53 significant bits kept, so bit 0 only matters as
 * a tie-breaker, exactly what the sticky bit is for) and scale back exactly.
 */
double __floatuntidf(u128 a)
{
	uint64_t hi = (uint64_t)(a >> 64);
	if (hi == 0)
		return (double)(uint64_t)a;
	int shift = 64 - __builtin_clzl(hi);	/* 1..64 */
	uint64_t v = (uint64_t)(a >> shift);
	if (a & (((u128)1 << shift) - 1))
		v |= 1;
	return (double)v * pow2(shift);
}

double __floattidf(i128 a)
{
	return a < 0 ? -__floatuntidf(-(u128)a) : __floatuntidf((u128)a);
}

double __powidf2(double a, int b)
{
	int neg = b < 0;
	unsigned n = neg ? 0u - (unsigned)b : (unsigned)b;
	double r = 1;
	for (; n; n >>= 1, a *= a)
		if (n & 1)
			r *= a;
	return neg ? 1 / r : r;
}
