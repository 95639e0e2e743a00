/*
 * int128.c - 128-bit integer helpers that clang calls instead of inlining
 * (the compiler-rt / libgcc routines, which we do not link against).
 * RV64 has 64x64->128 multiply (mul/mulhu) but no 128-bit divide, so
 * __int128 division and remainder end up here; __multi3 is only used at -O0.
 */
typedef unsigned __int128 u128;
typedef __int128 i128;
typedef unsigned long u64;

u128 __multi3(u128 a, u128 b)
{
	/* (ah*2^64 + al)(bh*2^64 + bl) mod 2^128 */
	u64 al = (u64)a, bl = (u64)b, ah = (u64)(a >> 64), bh = (u64)(b >> 64);
	u64 lo = al * bl;
	u64 hi = (u64)(((u128)al * bl) >> 64) + al * bh + ah * bl;
	return ((u128)hi << 64) | lo;
}

/*
 * Unsigned division by binary long division: one quotient bit per step,
 * shifting the dividend into a running remainder. Division by zero is
 * undefined in C; we trap, like the hardware would for a signal-worthy bug.
 */
u128 __udivmodti4(u128 n, u128 d, u128 *rem)
{
	if (d == 0)
		__builtin_trap();
	if ((n >> 64) == 0 && (d >> 64) == 0) {	/* common case: native 64-bit */
		u64 q = (u64)n / (u64)d;
		if (rem)
			*rem = (u64)n - q * (u64)d;
		return q;
	}
	u128 q = 0, r = 0;
	for (int i = 127; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (u128)1 << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

u128 __udivti3(u128 n, u128 d) { return __udivmodti4(n, d, 0); }

u128 __umodti3(u128 n, u128 d)
{
	u128 r;
	__udivmodti4(n, d, &r);
	return r;
}

/* Signed: divide magnitudes; the quotient is negative if the signs differ,
 * the remainder takes the sign of the dividend (C truncating division). */
static u128 mag(i128 x) { return x < 0 ? -(u128)x : (u128)x; }

i128 __divti3(i128 n, i128 d)
{
	u128 q = __udivmodti4(mag(n), mag(d), 0);
	return (n < 0) != (d < 0) ? -(i128)q : (i128)q;
}

i128 __modti3(i128 n, i128 d)
{
	u128 r;
	__udivmodti4(mag(n), mag(d), &r);
	return n < 0 ? -(i128)r : (i128)r;
}
