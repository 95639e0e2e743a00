/*
 * math.c - the math.h functions whose results are exact (or, for sqrt,
 * correctly rounded by the hardware). Rounding functions work on the bit
 * pattern: for |x| >= 2^52 every double is already an integer.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

static uint64_t bits(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static double from(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }

double fabs(double x) { return from(bits(x) & ~(1ULL << 63)); }
double copysign(double x, double y) { return from((bits(x) & ~(1ULL << 63)) | (bits(y) & (1ULL << 63))); }
float fabsf(float x) { return x < 0 ? -x : x == 0 ? 0.0f : x; }

double sqrt(double x)
{
	double r;
	__asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(x));	/* IEEE correctly rounded */
	return r;
}

float sqrtf(float x)
{
	float r;
	__asm__("fsqrt.s %0, %1" : "=f"(r) : "f"(x));
	return r;
}

/* Round toward zero, keeping the sign of zero (trunc(-0.5) == -0.0). */
double trunc(double x)
{
	int e = (int)((bits(x) >> 52) & 0x7ff) - 1023;	/* unbiased exponent */
	if (e >= 52)
		return x;	/* integer already, or inf/nan */
	if (e < 0)
		return copysign(0.0, x);	/* |x| < 1 */
	uint64_t frac_mask = (1ULL << (52 - e)) - 1;
	return from(bits(x) & ~frac_mask);
}

double floor(double x)
{
	double t = trunc(x);
	return t > x ? t - 1 : t;	/* negative non-integers round down */
}

double ceil(double x)
{
	double t = trunc(x);
	return t < x ? t + 1 : t;
}

/* Half-way cases away from zero. */
double round(double x)
{
	double t = trunc(x);
	double diff = fabs(x - t);	/* exact for |x| < 2^52 */
	if (diff >= 0.5)
		t += x < 0 ? -1 : 1;
	return t;
}

double fmin(double x, double y)
{
	if (isnan(x)) return y;
	if (isnan(y)) return x;
	if (x == y) return signbit(x) ? x : y;	/* fmin(-0, +0) = -0 */
	return x < y ? x : y;
}

double fmax(double x, double y)
{
	if (isnan(x)) return y;
	if (isnan(y)) return x;
	if (x == y) return signbit(x) ? y : x;
	return x > y ? x : y;
}

/*
 * ldexp: x * 2^e with a single rounding. Large |e| is applied in steps that
 * keep the intermediate value normal (for the downward case, scaling by
 * 2^-1022 * 2^53 rather than 2^-1022), so only the final multiply can round.
 */
double ldexp(double x, int e)
{
	const double up = from((uint64_t)(1023 + 1023) << 52);	/* 2^1023 */
	const double down = from((uint64_t)(1023 - 1022 + 53) << 52);	/* 2^-969 */
	for (int i = 0; i < 2 && e > 1023; i++) {
		x *= up;
		e -= 1023;
	}
	for (int i = 0; i < 2 && e < -1022; i++) {
		x *= down;
		e += 1022 - 53;
	}
	if (e > 1023) e = 1023;	/* the result is inf (or x was 0/inf/nan) */
	if (e < -1022) e = -1022;	/* the result is 0 (likewise) */
	return x * from((uint64_t)(1023 + e) << 52);
}

/*
 * fmod: x - n*y with n = trunc(x/y), computed exactly by binary long
 * division on the significands (the result is always representable).
 */
double fmod(double x, double y)
{
	if (isnan(x) || isnan(y) || isinf(x) || y == 0)
		return (x * y) / (x * y);	/* NaN */
	if (isinf(y) || fabs(x) < fabs(y))
		return x;
	uint64_t bx = bits(x), by = bits(y);
	int ex = (int)((bx >> 52) & 0x7ff), ey = (int)((by >> 52) & 0x7ff);
	uint64_t mx = bx & ((1ULL << 52) - 1), my = by & ((1ULL << 52) - 1);
	/* Normalise both to 53-bit significands (bit 52 set); subnormals get an
	 * exponent below 1. Then mx < 2*my always holds in the loop below. */
	if (ex) mx |= 1ULL << 52;
	else for (ex = 1; !(mx >> 52); ex--) mx <<= 1;
	if (ey) my |= 1ULL << 52;
	else for (ey = 1; !(my >> 52); ey--) my <<= 1;
	/* remainder of mx * 2^ex by my * 2^ey, shifting one bit at a time */
	for (; ex > ey; ex--) {
		if (mx >= my)
			mx -= my;
		mx <<= 1;
	}
	if (mx >= my)
		mx -= my;
	/* result = mx * 2^(ey - 1075) with the sign of x */
	double r = ldexp((double)mx, ey - 1075);
	return copysign(r, x);
}
