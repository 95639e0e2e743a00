/*
 * strtod.c - decimal and hexadecimal text to double, correctly rounded.
 *
 * A decimal number is exactly D * 10^E (D = its digits as an integer). We
 * compute, with big integers, a 64-bit q (top bit set), a "sticky" flag and
 * a binary exponent e2 such that
 *       D * 10^E = (q + f) * 2^e2,   0 <= f < 1,  sticky = (f != 0),
 * and then round q to 53 bits (fewer for subnormals) half-to-even by hand.
 * That is exact, so the result is the correctly rounded double — the same
 * one glibc returns. Big numbers are little-endian arrays of 32-bit limbs.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIGITS 800	/* more significant digits only feed the sticky bit */
#define LIMBS 200	/* 6400 bits: enough for 10^1200 and D << s */

struct bigint {
	uint32_t w[LIMBS];
	int n;	/* limbs in use; w[n-1] != 0 unless n == 0 */
};

static void big_set(struct bigint *b, uint64_t v)
{
	b->n = 0;
	for (; v; v >>= 32)
		b->w[b->n++] = (uint32_t)v;
}

static void big_mul_add(struct bigint *b, uint32_t m, uint32_t a)	/* b = b*m + a */
{
	uint64_t carry = a;
	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow10(struct bigint *b, int k)
{
	for (; k >= 9; k -= 9)
		big_mul_add(b, 1000000000u, 0);
	static const uint32_t p10[9] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
	if (k)
		big_mul_add(b, p10[k], 0);
}

static void big_copy(struct bigint *dst, const struct bigint *src)
{
	dst->n = src->n;
	memcpy(dst->w, src->w, (size_t)src->n * sizeof src->w[0]);	/* only the limbs in use */
}

static int big_bits(const struct bigint *b)
{
	return b->n ? 32 * (b->n - 1) + 32 - __builtin_clz(b->w[b->n - 1]) : 0;
}

static int big_bit(const struct bigint *b, int i)
{
	return i >= 0 && i / 32 < b->n ? (b->w[i / 32] >> (i % 32)) & 1 : 0;
}

static void big_shl(struct bigint *b, int s)
{
	int words = s / 32, bits = s % 32;
	if (b->n == 0)
		return;
	b->w[b->n] = 0;
	for (int i = b->n; i >= 0; i--) {
		uint32_t hi = b->w[i] << bits;
		uint32_t lo = (bits && i > 0) ? b->w[i - 1] >> (32 - bits) : 0;
		b->w[i + words] = hi | lo;
	}
	for (int i = 0; i < words; i++)
		b->w[i] = 0;
	b->n += words + 1;
	while (b->n && b->w[b->n - 1] == 0)
		b->n--;
}

static int big_cmp(const struct bigint *a, const struct bigint *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

static void big_sub(struct bigint *a, const struct bigint *b)	/* a -= b, a >= b */
{
	int64_t borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		borrow = t < 0;
		a->w[i] = (uint32_t)(t + (borrow << 32));
	}
	while (a->n && a->w[a->n - 1] == 0)
		a->n--;
}

static int bits_u64(uint64_t v) { return v ? 64 - __builtin_clzl(v) : 0; }

/*
 * Round (q + sticky) * 2^e2 to a double, q having its top bit (63) set.
 * Sets ERANGE on overflow and on underflow to zero.
 */
static double assemble(uint64_t q, int sticky, int e2, int neg)
{
	int exp = e2 + 63;	/* value in [2^exp, 2^(exp+1)) */
	int keep = 53;
	if (exp < -1022)	/* subnormal: fewer bits of precision */
		keep = 53 - (-1022 - exp);
	double r;
	if (keep <= 0) {
		/* below half the smallest subnormal, or just above it */
		int up = keep == 0 && (q > (1ULL << 63) || sticky);
		r = up ? 4.9406564584124654e-324 : 0.0;
		errno = ERANGE;	/* tiny and inexact */
		return neg ? -r : r;
	}
	int drop = 64 - keep;	/* 11 for normal numbers */
	uint64_t m = q >> drop;
	uint64_t rest = q & ((1ULL << drop) - 1), half = 1ULL << (drop - 1);
	if (keep < 53 && (rest || sticky))
		errno = ERANGE;	/* underflow: tiny and inexact, as IEEE (and glibc) define it */
	if (rest > half || (rest == half && (sticky || (m & 1))) )
		m++;	/* may carry to 2^keep: still exact below */
	int e = e2 + drop;	/* value = m * 2^e */
	if (e + bits_u64(m) - 1 > 1023) {
		errno = ERANGE;
		return neg ? -__builtin_inf() : __builtin_inf();
	}
	/* m < 2^54 is exact as a double; scale by 2^e in two exact steps. */
	r = (double)m;
	int e1 = e / 2, e2b = e - e / 2;
	uint64_t b1 = (uint64_t)(1023 + e1) << 52, b2 = (uint64_t)(1023 + e2b) << 52;
	double s1, s2;
	memcpy(&s1, &b1, 8);
	memcpy(&s2, &b2, 8);
	r = r * s1 * s2;
	return neg ? -r : r;
}

/* The decimal D * 10^E, D given as ndig digit characters (no leading zeros). */
static double decimal_to_double(const char *dig, int ndig, int extra_nonzero, long E, int neg)
{
	/* Quick bounds: D * 10^E < 10^(ndig + E) and >= 10^(ndig - 1 + E). */
	if (ndig + E > 310) {
		errno = ERANGE;
		return neg ? -__builtin_inf() : __builtin_inf();
	}
	if (ndig + E < -330) {
		errno = ERANGE;
		return neg ? -0.0 : 0.0;
	}

	struct bigint num, den, t;	/* 2.4 KiB of stack */
	big_set(&num, 0);
	for (int i = 0; i < ndig; i++)
		big_mul_add(&num, 10, (uint32_t)(dig[i] - '0'));

	uint64_t q = 0;
	int sticky = extra_nonzero, e2;
	if (E >= 0) {
		big_mul_pow10(&num, (int)E);
		int L = big_bits(&num);
		/* q = the top 64 bits, sticky = any bit below them */
		for (int i = 0; i < 64; i++)
			q = (q << 1) | (uint64_t)big_bit(&num, L - 1 - i);
		for (int i = 0; i < L - 64 && !sticky; i++)
			sticky = big_bit(&num, i);
		e2 = L - 64;
	} else {
		/*
		 * With a = bits(num), b = bits(den = 10^-E), num/den lies in
		 * (2^(a-b-1), 2^(a-b+1)); scaling by 2^s, s = 63 - (a - b), puts
		 * the quotient Q in (2^62, 2^64): one 64-bit word, top bit 62 or 63.
		 */
		big_set(&den, 1);
		big_mul_pow10(&den, (int)-E);
		int s = 63 - (big_bits(&num) - big_bits(&den));
		if (s >= 0)
			big_shl(&num, s);
		else
			big_shl(&den, -s);
		/* Binary long division, quotient bits 63..0; num ends as the remainder. */
		for (int i = 63; i >= 0; i--) {
			big_copy(&t, &den);
			big_shl(&t, i);
			q <<= 1;
			if (big_cmp(&num, &t) >= 0) {
				big_sub(&num, &t);
				q |= 1;
			}
		}
		e2 = -s;
		if (!(q >> 63)) {	/* only 63 significant bits: one more from the remainder */
			big_shl(&num, 1);
			q <<= 1;
			if (big_cmp(&num, &den) >= 0) {
				big_sub(&num, &den);
				q |= 1;
			}
			e2--;
		}
		sticky |= num.n != 0;
	}
	return assemble(q, sticky, e2, neg);
}

static int hexval(int c)
{
	if (isdigit(c)) return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Case-insensitive prefix match; returns its length or 0. */
static int match(const char *s, const char *word)
{
	int i = 0;
	for (; word[i]; i++)
		if (tolower((unsigned char)s[i]) != word[i])
			return 0;
	return i;
}

/*
 * An exponent introduced by the letter mark (either case) at *p, with an
 * optional sign and at least one digit: consumed, and its value returned.
 * Without digits nothing is consumed and the exponent is 0. The value
 * saturates: anything larger gives inf or 0 anyway.
 */
static long exponent(const char **p, char mark)
{
	const char *e = *p;
	if ((*e | 32) != mark)
		return 0;
	e++;
	int neg = 0;
	if (*e == '+' || *e == '-')
		neg = *e++ == '-';
	if (!isdigit((unsigned char)*e))
		return 0;
	long x = 0;
	for (; isdigit((unsigned char)*e); e++)
		if (x < 100000)
			x = x * 10 + (*e - '0');
	*p = e;
	return neg ? -x : x;
}

double strtod(const char *restrict str, char **restrict end)
{
	const char *p = str;
	while (isspace((unsigned char)*p))
		p++;
	int neg = 0;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';

	int n;
	if ((n = match(p, "infinity")) || (n = match(p, "inf"))) {
		if (end) *end = (char *)(p + n);
		return neg ? -__builtin_inf() : __builtin_inf();
	}
	if ((n = match(p, "nan"))) {
		p += n;
		uint64_t payload = 0;
		if (*p == '(') {	/* nan(chars): a number in the chars becomes the payload */
			const char *q = p + 1;
			while (isalnum((unsigned char)*q) || *q == '_')
				q++;
			if (*q == ')') {
				char *num_end;
				uint64_t v = strtoull(p + 1, &num_end, 0);
				if (num_end == q)
					payload = v & ((1ULL << 51) - 1);
				p = q + 1;
			}
		}
		if (end) *end = (char *)p;
		uint64_t bits = (uint64_t)neg << 63 | 0x7ff8000000000000ULL | payload;
		double r;
		memcpy(&r, &bits, sizeof r);
		return r;
	}

	if (p[0] == '0' && (p[1] | 32) == 'x' &&
	    (hexval((unsigned char)p[2]) >= 0 || (p[2] == '.' && hexval((unsigned char)p[3]) >= 0))) {
		/* hexadecimal: 0x h.hhh p[+-]d, value = mantissa * 2^exp */
		p += 2;
		uint64_t q = 0;
		int sticky = 0, any = 0;
		long e2 = 0;
		int seen_point = 0;
		for (;; p++) {
			int v;
			if (*p == '.' && !seen_point) {
				seen_point = 1;
				continue;
			}
			if ((v = hexval((unsigned char)*p)) < 0)
				break;
			any |= v;
			if (q >> 60) {	/* no room: remember the bits as sticky */
				sticky |= v != 0;
				if (!seen_point)
					e2 += 4;
			} else {
				q = q << 4 | (uint64_t)v;
				if (seen_point)
					e2 -= 4;
			}
		}
		e2 += exponent(&p, 'p');
		if (end) *end = (char *)p;
		if (!any)
			return neg ? -0.0 : 0.0;
		while (!(q >> 63)) {
			q <<= 1;
			e2--;
		}
		if (e2 > 2000) e2 = 2000;	/* keep within int; assemble overflows it */
		if (e2 < -2000) e2 = -2000;
		return assemble(q, sticky, (int)e2, neg);
	}

	/* decimal: digits [. digits] [e [+-] digits] */
	char dig[MAX_DIGITS];
	int ndig = 0, extra_nonzero = 0, any_digit = 0;
	long E = 0;
	int seen_point = 0;
	for (;; p++) {
		if (*p == '.' && !seen_point) {
			seen_point = 1;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			break;
		any_digit = 1;
		if (ndig == 0 && *p == '0') {	/* leading zero: only moves the point */
			if (seen_point)
				E--;
			continue;
		}
		if (ndig < MAX_DIGITS) {
			dig[ndig++] = *p;
			if (seen_point)
				E--;
		} else {
			extra_nonzero |= *p != '0';
			if (!seen_point)
				E++;
		}
	}
	if (!any_digit) {	/* no number at all: nothing is consumed */
		if (end) *end = (char *)str;
		return 0.0;
	}
	E += exponent(&p, 'e');
	if (end) *end = (char *)p;
	if (ndig == 0)
		return neg ? -0.0 : 0.0;
	return decimal_to_double(dig, ndig, extra_nonzero, E, neg);
}

float strtof(const char *restrict s, char **restrict end)
{
	/* Note: rounding first to double, then to float, can be off by one
	 * unit in the last place in rare halfway cases. */
	return (float)strtod(s, end);
}

double atof(const char *s) { return strtod(s, NULL); }
