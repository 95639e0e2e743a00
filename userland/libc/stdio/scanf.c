/*
 * scanf.c - the scanf family over strings and streams.
 *
 * Input comes from a "source" that yields one character at a time and can
 * push back one (all scanf ever needs: it reads one character too far at
 * most). Numbers are first collected as text following their syntax, then
 * converted with strtoll/strtoull/strtod, so they parse exactly like those.
 *
 * Supported: %d %i %u %o %x %X %c %s %[...] %[^...] %n %p %% and
 * %f %e %g %E %G %a (decimal, inf, nan); '*' (assignment suppression),
 * maximum field width, length modifiers hh h l ll j z t.
 * Not supported: hexadecimal floats, %L (long double), %m, %n$.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include "length.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct source {
	const char *s;	/* string source, or NULL */
	FILE *f;	/* stream source */
	size_t count;	/* characters consumed so far (%n) */
};

static int get(struct source *src)
{
	int c;
	if (src->s)
		c = *src->s ? (unsigned char)*src->s++ : EOF;
	else
		c = fgetc(src->f);
	if (c != EOF)
		src->count++;
	return c;
}

static void unget(struct source *src, int c)
{
	if (c == EOF)
		return;
	src->count--;
	if (src->s)
		src->s--;
	else
		ungetc(c, src->f);
}

static void skip_space(struct source *src)
{
	int c;
	while ((c = get(src)) != EOF && isspace(c))
		;
	unget(src, c);
}

/* Store an integer into the pointer for the given size (1, 2, 4, 8 bytes). */
static void store_int(void *p, int size, unsigned long long v)
{
	switch (size) {
	case 1: *(unsigned char *)p = (unsigned char)v; break;
	case 2: *(unsigned short *)p = (unsigned short)v; break;
	case 8: *(unsigned long long *)p = v; break;
	default: *(unsigned *)p = (unsigned)v; break;
	}
}

/*
 * Collect the text of a number of the given base (0 = C prefix rules) into
 * buf, reading at most `width` characters. Returns its length.
 */
static int collect_int(struct source *src, int base, int width, char *buf, int cap)
{
	int n = 0, c = get(src);
	if (n < width && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = get(src);
	}
	if ((base == 0 || base == 16) && n < width && c == '0') {
		buf[n++] = (char)c;
		c = get(src);
		if (n < width && (c | 32) == 'x') {
			buf[n++] = (char)c;
			c = get(src);
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	for (; n < width && n < cap - 1 && c != EOF; c = get(src)) {
		int d = isdigit(c) ? c - '0' : isalpha(c) ? (c | 32) - 'a' + 10 : 99;
		if (d >= base)
			break;
		buf[n++] = (char)c;
	}
	unget(src, c);
	buf[n] = '\0';
	return n;
}

/* Collect a decimal floating-point number, "inf[inity]" or "nan". */
static int collect_float(struct source *src, int width, char *buf, int cap)
{
	int n = 0, c = get(src);
	if (n < width && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = get(src);
	}
	if ((c | 32) == 'i' || (c | 32) == 'n') {	/* inf, infinity, nan */
		while (n < width && n < cap - 1 && isalpha(c)) {
			buf[n++] = (char)c;
			c = get(src);
		}
		unget(src, c);
		buf[n] = '\0';
		return n;
	}
	int seen_point = 0, seen_exp = 0, digits = 0;
	for (; n < width && n < cap - 1 && c != EOF; c = get(src)) {
		if (isdigit(c)) {
			digits++;
		} else if (c == '.' && !seen_point && !seen_exp) {
			seen_point = 1;
		} else if ((c | 32) == 'e' && digits && !seen_exp) {
			seen_exp = 1;
			buf[n++] = (char)c;
			c = get(src);
			if (n < width && n < cap - 1 && (c == '+' || c == '-'))
				buf[n++] = (char)c;
			else
				unget(src, c);
			continue;
		} else {
			break;
		}
		buf[n++] = (char)c;
	}
	unget(src, c);
	buf[n] = '\0';
	return n;
}

static int vscan(struct source *src, const char *fmt, va_list ap)
{
	int assigned = 0, conversions = 0;
	char buf[512];

	while (*fmt) {
		if (isspace((unsigned char)*fmt)) {	/* any run of white space matches any amount */
			while (isspace((unsigned char)*fmt))
				fmt++;
			skip_space(src);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {	/* a literal character */
			if (*fmt == '%') {
				fmt++;
				skip_space(src);
			}
			int c = get(src);
			if (c != (unsigned char)*fmt) {
				unget(src, c);
				return c == EOF && conversions == 0 ? EOF : assigned;
			}
			fmt++;
			continue;
		}
		fmt++;

		int suppress = 0;
		if (*fmt == '*') {
			suppress = 1;
			fmt++;
		}
		int width = 0;
		while (isdigit((unsigned char)*fmt))
			width = width * 10 + (*fmt++ - '0');
		int size = length_modifier(&fmt);
		char conv = *fmt++;
		if (conv == '\0')
			break;

		if (conv == 'n') {
			if (!suppress)
				store_int(va_arg(ap, void *), size, src->count);
			continue;
		}
		if (conv != 'c' && conv != '[')
			skip_space(src);
		int c = get(src);
		if (c == EOF)
			return conversions == 0 ? EOF : assigned;
		unget(src, c);

		switch (conv) {
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
			int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
			int n = collect_int(src, base, width ? width : (int)sizeof buf - 1, buf, sizeof buf);
			/* a lone sign or "0x" prefix without digits is a matching failure */
			if (n == 0 || ((buf[0] == '+' || buf[0] == '-') && n == 1))
				return assigned;
			unsigned long long v = conv == 'd' || conv == 'i'
				? (unsigned long long)strtoll(buf, NULL, base)
				: strtoull(buf, NULL, base);
			conversions++;
			if (!suppress) {
				store_int(va_arg(ap, void *), conv == 'p' ? 8 : size, v);
				assigned++;
			}
			break;
		}
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
			int n = collect_float(src, width ? width : (int)sizeof buf - 1, buf, sizeof buf);
			char *end;
			double d = strtod(buf, &end);
			if (n == 0 || end == buf)
				return assigned;
			conversions++;
			if (!suppress) {
				if (size == 8)
					*va_arg(ap, double *) = d;
				else
					*va_arg(ap, float *) = (float)d;
				assigned++;
			}
			break;
		}
		case 's': {
			char *out = suppress ? NULL : va_arg(ap, char *);
			int n = 0;
			while ((!width || n < width) && (c = get(src)) != EOF && !isspace(c)) {
				if (out)
					out[n] = (char)c;
				n++;
			}
			if (width && n == width)
				;	/* stopped by the width: nothing read too far */
			else
				unget(src, c);
			if (out)
				out[n] = '\0';
			conversions++;
			assigned += !suppress;
			break;
		}
		case 'c': {
			char *out = suppress ? NULL : va_arg(ap, char *);
			int want = width ? width : 1, n = 0;
			for (; n < want && (c = get(src)) != EOF; n++)
				if (out)
					out[n] = (char)c;
			if (n < want)	/* input ended inside the field */
				return n == 0 && conversions == 0 ? EOF : assigned;
			conversions++;
			assigned += !suppress;
			break;
		}
		case '[': {
			/* scanset: [abc], [^abc], []abc] and [^]abc] include ']'; a-z ranges */
			int negate = 0;
			if (*fmt == '^') {
				negate = 1;
				fmt++;
			}
			const char *set = fmt;
			if (*fmt == ']')
				fmt++;
			while (*fmt && *fmt != ']')
				fmt++;
			const char *set_end = fmt;
			if (*fmt)
				fmt++;
			char *out = suppress ? NULL : va_arg(ap, char *);
			int n = 0;
			while (!width || n < width) {
				c = get(src);
				if (c == EOF)
					break;
				int in = 0;
				for (const char *q = set; q < set_end; q++) {
					if (q[1] == '-' && q + 2 < set_end) {	/* range */
						if (c >= (unsigned char)q[0] && c <= (unsigned char)q[2])
							in = 1;
						q += 2;
					} else if (c == (unsigned char)*q) {
						in = 1;
					}
				}
				if (in == negate) {
					unget(src, c);
					break;
				}
				if (out)
					out[n] = (char)c;
				n++;
			}
			if (n == 0)
				return assigned;
			if (out)
				out[n] = '\0';
			conversions++;
			assigned += !suppress;
			break;
		}
		default:
			return assigned;	/* unknown conversion */
		}
	}
	return assigned;
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	struct source src = { .s = s };
	return vscan(&src, fmt, ap);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct source src = { .f = f };
	return vscan(&src, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap) { return vfscanf(stdin, fmt, ap); }

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}
