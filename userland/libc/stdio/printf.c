/*
 * printf.c - the formatting engine behind every printf-family function.
 *
 * __format() walks the format string and sends output pieces to a "sink",
 * which either appends to a memory buffer (snprintf) or writes to a FILE.
 *
 * Supported: conversions d i u o x X c s p n % f F e E g G;
 *            flags - + space # 0; width and precision, both also as '*';
 *            length modifiers hh h l ll j z t.
 * Not supported: %a/%A, long double (L), wide characters (%lc %ls), %m$.
 *
 * Floating point is converted EXACTLY: a double is m * 2^e, which we turn
 * into a big decimal integer D with D * 10^-k == value, then round that digit
 * string half-to-even. This reproduces glibc's output digit for digit.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "length.h"
#include "stdio_impl.h"

#define F_MINUS 1	/* left-justify */
#define F_PLUS  2	/* always print a sign */
#define F_SPACE 4	/* space in place of a '+' sign */
#define F_HASH  8	/* alternate form */
#define F_ZERO  16	/* pad with zeros */

static void out(struct sink *s, const char *p, size_t n)
{
	if (n) {
		s->put(s, p, n);
		s->count += n;
	}
}

static void pad(struct sink *s, char c, int n)
{
	char chunk[32];
	memset(chunk, c, sizeof chunk);
	while (n > 0) {
		int k = n < (int)sizeof chunk ? n : (int)sizeof chunk;
		out(s, chunk, (size_t)k);
		n -= k;
	}
}

/*
 * Emit  [spaces] prefix [zeros] body [spaces]  so that the total is at least
 * `width`. Zero padding (F_ZERO without F_MINUS) goes between the prefix
 * (sign, "0x") and the body, as the standard requires.
 */
static void emit(struct sink *s, int flags, int width, const char *prefix, size_t plen,
                 int zeros, const char *body, size_t blen)
{
	int len = (int)(plen + blen) + zeros;
	int fill = width > len ? width - len : 0;
	if (!(flags & F_MINUS) && !(flags & F_ZERO))
		pad(s, ' ', fill);
	out(s, prefix, plen);
	if (!(flags & F_MINUS) && (flags & F_ZERO))
		pad(s, '0', fill);
	pad(s, '0', zeros);
	out(s, body, blen);
	if (flags & F_MINUS)
		pad(s, ' ', fill);
}

/* The sign a number starts with, given its flags: '-', '+', ' ' or none. Returns its length. */
static size_t sign(char *prefix, int negative, int flags)
{
	if (negative)
		prefix[0] = '-';
	else if (flags & F_PLUS)
		prefix[0] = '+';
	else if (flags & F_SPACE)
		prefix[0] = ' ';
	else
		return 0;
	return 1;
}

/* ---------------------------------------------------------------- integers */

static void format_int(struct sink *s, unsigned long long v, int negative, char conv,
                       int flags, int width, int prec)
{
	char digits[24];	/* 2^64 in octal needs 22 digits */
	char *end = digits + sizeof digits, *p = end;
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
	const char *alphabet = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";

	for (unsigned long long x = v; x; x /= base)
		*--p = alphabet[x % base];
	int ndig = (int)(end - p);

	char prefix[3];
	size_t plen = sign(prefix, negative, flags);
	if ((flags & F_HASH) && v != 0 && base == 16) {
		prefix[plen++] = '0';
		prefix[plen++] = conv == 'X' ? 'X' : 'x';
	}

	if (prec >= 0)
		flags &= ~F_ZERO;	/* a precision overrides the 0 flag */
	else
		prec = 1;	/* default: at least one digit */
	/* Alternate octal: the first digit must be a 0 (which a 0 value has). */
	if ((flags & F_HASH) && base == 8 && prec <= ndig)
		prec = ndig + 1;
	int zeros = prec > ndig ? prec - ndig : 0;
	emit(s, flags, width, prefix, plen, zeros, p, (size_t)ndig);
}

/* ------------------------------------------------------- floating point */

/*
 * A big natural number in base 10^9, least significant limb first.
 * Large enough for m * 5^1074 (about 770 decimal digits) and m * 2^971.
 */
#define LIMBS 90
struct big {
	uint32_t limb[LIMBS];
	int n;	/* limbs in use */
};

static void big_mul_small(struct big *b, uint32_t f)	/* b *= f, f < 2^32 */
{
	uint64_t carry = 0;
	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->limb[i] * f + carry;
		b->limb[i] = (uint32_t)(t % 1000000000);
		carry = t / 1000000000;
	}
	while (carry) {
		b->limb[b->n++] = (uint32_t)(carry % 1000000000);
		carry /= 1000000000;
	}
}

/* Decimal digits of a double's magnitude. */
struct decimal {
	char d[LIMBS * 9 + 2];	/* digits, no leading zeros; '0'..'9' */
	int len;	/* number of digits; 0 means the value is zero */
	int intlen;	/* digits before the decimal point (may be <= 0 or > len) */
};

static void to_decimal(double x, struct decimal *dec)
{
	uint64_t bits;
	memcpy(&bits, &x, sizeof bits);
	int bexp = (int)((bits >> 52) & 0x7ff);
	uint64_t m = bits & ((1ULL << 52) - 1);
	int e;
	if (bexp == 0)
		e = -1074;	/* subnormal: no implicit bit */
	else {
		m |= 1ULL << 52;
		e = bexp - 1075;
	}
	/* value = m * 2^e */
	if (m == 0) {
		dec->len = 0;
		dec->intlen = 1;
		return;
	}

	struct big b;
	b.n = 0;
	for (uint64_t t = m; t; t /= 1000000000)
		b.limb[b.n++] = (uint32_t)(t % 1000000000);
	int k = 0;	/* value = b * 10^-k */
	if (e >= 0) {
		for (; e >= 29; e -= 29)
			big_mul_small(&b, 1u << 29);
		big_mul_small(&b, 1u << e);
	} else {
		/* m * 2^e = m * 5^-e / 10^-e */
		k = -e;
		int f = k;
		for (; f >= 13; f -= 13)
			big_mul_small(&b, 1220703125u);	/* 5^13 */
		uint32_t p5 = 1;
		while (f--)
			p5 *= 5;
		big_mul_small(&b, p5);
	}

	/* limbs -> digit string, most significant first */
	int len = 0;
	for (int i = b.n - 1; i >= 0; i--) {
		char nine[9];
		uint32_t v = b.limb[i];
		for (int j = 8; j >= 0; j--, v /= 10)
			nine[j] = (char)('0' + v % 10);
		int start = 0;
		if (i == b.n - 1)	/* top limb: drop leading zeros */
			while (start < 8 && nine[start] == '0')
				start++;
		memcpy(dec->d + len, nine + start, (size_t)(9 - start));
		len += 9 - start;
	}
	dec->len = len;
	dec->intlen = len - k;
}

/* Keep `keep` leading digits, rounding half to even on the exact value. */
static void round_decimal(struct decimal *dec, int keep)
{
	if (keep >= dec->len)
		return;
	if (keep < 0) {	/* smaller than half a unit of the last place kept */
		dec->len = 0;
		return;
	}
	char next = dec->d[keep];
	int rest_nonzero = 0;
	for (int i = keep + 1; i < dec->len; i++)
		if (dec->d[i] != '0') { rest_nonzero = 1; break; }
	int prev_odd = keep > 0 && ((dec->d[keep - 1] - '0') & 1);
	int up = next > '5' || (next == '5' && (rest_nonzero || prev_odd));
	dec->len = keep;
	if (!up)
		return;
	int i = keep - 1;
	for (; i >= 0 && dec->d[i] == '9'; i--)
		dec->d[i] = '0';
	if (i >= 0) {
		dec->d[i]++;
	} else {	/* carried out of the top digit: 99.9 -> 100 */
		memmove(dec->d + 1, dec->d, (size_t)dec->len);
		dec->d[0] = '1';
		dec->len++;
		dec->intlen++;
	}
}

/* Digit i of the number (0 = most significant stored digit), 0 outside. */
static char digit_at(const struct decimal *dec, int i)
{
	return i >= 0 && i < dec->len ? dec->d[i] : '0';
}

/*
 * Lay out the body of a %f or %e conversion into buf. `prec` is the number of
 * digits after the point. Returns the length.
 */
static size_t put_fixed(const struct decimal *dec, int prec, int hash, char *buf)
{
	size_t n = 0;
	if (dec->len == 0 || dec->intlen <= 0)
		buf[n++] = '0';
	else
		for (int i = 0; i < dec->intlen; i++)
			buf[n++] = digit_at(dec, i);
	if (prec > 0 || hash)
		buf[n++] = '.';
	for (int i = 0; i < prec; i++)
		buf[n++] = dec->len ? digit_at(dec, dec->intlen + i) : '0';
	return n;
}

static size_t put_exp(const struct decimal *dec, int prec, int hash, char upper, char *buf)
{
	size_t n = 0;
	int x = dec->len ? dec->intlen - 1 : 0;	/* decimal exponent */
	buf[n++] = digit_at(dec, 0);
	if (prec > 0 || hash)
		buf[n++] = '.';
	for (int i = 1; i <= prec; i++)
		buf[n++] = digit_at(dec, i);
	buf[n++] = upper ? 'E' : 'e';
	buf[n++] = x < 0 ? '-' : '+';
	if (x < 0)
		x = -x;
	char tmp[8];
	int t = 0;
	do tmp[t++] = (char)('0' + x % 10); while ((x /= 10) > 0);
	if (t < 2)
		tmp[t++] = '0';	/* at least two exponent digits */
	while (t)
		buf[n++] = tmp[--t];
	return n;
}

/* Remove trailing zeros after the point, and the point itself if bare (%g). */
static size_t strip_zeros(char *buf, size_t n)
{
	size_t dot = n, end = n;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '.') { dot = i; break; }
		else if (buf[i] == 'e' || buf[i] == 'E') break;
	if (dot == n)
		return n;
	size_t e = dot;
	while (e < n && buf[e] != 'e' && buf[e] != 'E')
		e++;
	end = e;	/* end of the mantissa */
	while (end > dot + 1 && buf[end - 1] == '0')
		end--;
	if (end == dot + 1)
		end = dot;
	memmove(buf + end, buf + e, n - e);
	return end + (n - e);
}

static void format_float(struct sink *s, double x, char conv, int flags, int width, int prec)
{
	int upper = conv == 'F' || conv == 'E' || conv == 'G';
	char lower = (char)(conv | 32);
	uint64_t bits;
	memcpy(&bits, &x, sizeof bits);
	int negative = (int)(bits >> 63);

	char prefix[1];
	size_t plen = sign(prefix, negative, flags);

	if (((bits >> 52) & 0x7ff) == 0x7ff) {	/* inf or nan: never zero-padded */
		const char *txt = (bits & ((1ULL << 52) - 1)) ? (upper ? "NAN" : "nan")
		                                               : (upper ? "INF" : "inf");
		emit(s, flags & ~F_ZERO, width, prefix, plen, 0, txt, 3);
		return;
	}
	if (prec < 0)
		prec = 6;

	struct decimal dec;
	to_decimal(x, &dec);

	/* Body size bound: 309 integer digits, point, prec digits, exponent. */
	size_t need = 320 + (size_t)prec + 8;
	char local[640];
	char *buf = local;
	if (need > sizeof local && !(buf = malloc(need)))
		return;	/* out of memory for an absurd precision: print nothing */

	size_t n;
	if (lower == 'f') {
		round_decimal(&dec, dec.intlen + prec);
		n = put_fixed(&dec, prec, flags & F_HASH, buf);
	} else if (lower == 'e') {
		round_decimal(&dec, prec + 1);
		n = put_exp(&dec, prec, flags & F_HASH, (char)upper, buf);
	} else {	/* g: the precision counts significant digits */
		int p = prec == 0 ? 1 : prec;
		round_decimal(&dec, p);
		int x10 = dec.len ? dec.intlen - 1 : 0;
		if (x10 < p && x10 >= -4)
			n = put_fixed(&dec, p - 1 - x10, flags & F_HASH, buf);
		else
			n = put_exp(&dec, p - 1, flags & F_HASH, (char)upper, buf);
		if (!(flags & F_HASH))
			n = strip_zeros(buf, n);
	}
	emit(s, flags, width, prefix, plen, 0, buf, n);
	if (buf != local)
		free(buf);
}

/* ------------------------------------------------------------ the engine */

int __format(struct sink *s, const char *fmt, va_list ap)
{
	s->count = 0;
	while (*fmt) {
		if (*fmt != '%') {
			const char *lit = fmt;
			while (*fmt && *fmt != '%')
				fmt++;
			out(s, lit, (size_t)(fmt - lit));
			continue;
		}
		const char *spec_start = fmt++;

		int flags = 0;
		for (;; fmt++) {
			if (*fmt == '-') flags |= F_MINUS;
			else if (*fmt == '+') flags |= F_PLUS;
			else if (*fmt == ' ') flags |= F_SPACE;
			else if (*fmt == '#') flags |= F_HASH;
			else if (*fmt == '0') flags |= F_ZERO;
			else break;
		}

		int width = 0;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {	/* negative width means '-' flag */
				flags |= F_MINUS;
				width = width == INT_MIN ? INT_MAX : -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		}

		int prec = -1;	/* -1: not given */
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				if (prec < 0)
					prec = -1;	/* negative precision: as if omitted */
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}

		/* Length modifier, expressed as the argument size in bytes. */
		int size = length_modifier(&fmt);

		if (flags & F_MINUS)
			flags &= ~F_ZERO;	/* '-' overrides '0' */
		if (flags & F_PLUS)
			flags &= ~F_SPACE;	/* '+' overrides ' ' */

		char conv = *fmt;
		if (conv)
			fmt++;
		switch (conv) {
		case 'd': case 'i': {
			long long v;
			if (size == 8) v = va_arg(ap, long);
			else {
				int i = va_arg(ap, int);
				v = size == 2 ? (short)i : size == 1 ? (signed char)i : i;
			}
			unsigned long long mag = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
			format_int(s, mag, v < 0, 'd', flags, width, prec);
			break;
		}
		case 'u': case 'o': case 'x': case 'X': {
			unsigned long long v;
			if (size == 8) v = va_arg(ap, unsigned long);
			else {
				unsigned u = va_arg(ap, unsigned);
				v = size == 2 ? (unsigned short)u : size == 1 ? (unsigned char)u : u;
			}
			/* the sign flags apply to signed conversions only */
			format_int(s, v, 0, conv, flags & ~(F_PLUS | F_SPACE), width, prec);
			break;
		}
		case 'p': {
			void *p = va_arg(ap, void *);
			if (!p)	/* glibc's spelling */
				emit(s, flags & ~F_ZERO, width, "", 0, 0, "(nil)", 5);
			else
				format_int(s, (uintptr_t)p, 0, 'p', flags | F_HASH, width, prec);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			emit(s, flags & ~F_ZERO, width, "", 0, 0, &c, 1);
			break;
		}
		case 's': {
			const char *str = va_arg(ap, const char *);
			if (!str)	/* glibc prints "(null)" unless it would be truncated */
				str = prec < 0 || prec >= 6 ? "(null)" : "";
			size_t len = prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str);
			emit(s, flags & ~F_ZERO, width, "", 0, 0, str, len);
			break;
		}
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
			format_float(s, va_arg(ap, double), conv, flags, width, prec);
			break;
		case 'n': {
			void *p = va_arg(ap, void *);
			if (size == 8) *(long *)p = (long)s->count;
			else if (size == 2) *(short *)p = (short)s->count;
			else if (size == 1) *(signed char *)p = (signed char)s->count;
			else *(int *)p = (int)s->count;
			break;
		}
		case '%':
			out(s, "%", 1);
			break;
		default:	/* unknown conversion: print it as written */
			out(s, spec_start, (size_t)(fmt - spec_start));
			break;
		}
	}
	return s->count > INT_MAX ? -1 : (int)s->count;
}

/* ------------------------------------------------- string destinations */

/* Writes what fits (leaving room for the NUL) and counts everything. */
static void put_buffer(struct sink *s, const char *p, size_t n)
{
	if (s->used + 1 < s->cap) {
		size_t room = s->cap - 1 - s->used;
		size_t k = n < room ? n : room;
		memcpy(s->buf + s->used, p, k);
		s->used += k;
	}
}

int vsnprintf(char *restrict buf, size_t cap, const char *restrict fmt, va_list ap)
{
	struct sink s = { .put = put_buffer, .buf = buf, .cap = cap };
	int r = __format(&s, fmt, ap);
	if (cap)
		buf[s.used] = '\0';
	return r;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int snprintf(char *restrict buf, size_t cap, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, cap, fmt, ap);
	va_end(ap);
	return r;
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return r;
}
