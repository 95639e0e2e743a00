/* fprintf.c - printf to streams and file descriptors. */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include "stdio_impl.h"

static void put_stream(struct sink *s, const char *p, size_t n)
{
	__fwrite_bytes(p, n, s->f);
}

/*
 * Unbuffered streams (stderr) would otherwise see one write(2) per piece of
 * the format; collect the output in a small stack buffer instead, so a
 * typical message reaches the fd in one write.
 */
struct staged {
	struct sink s;
	char area[256];
};

static void put_staged(struct sink *s, const char *p, size_t n)
{
	struct staged *st = (struct staged *)s;
	if (st->s.used + n > sizeof st->area) {
		__fwrite_bytes(st->area, st->s.used, s->f);
		st->s.used = 0;
		if (n > sizeof st->area) {
			__fwrite_bytes(p, n, s->f);
			return;
		}
	}
	for (size_t i = 0; i < n; i++)
		st->area[st->s.used++] = p[i];
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	int r, had_error = ferror(f);
	if (f->bufmode == _IONBF) {
		struct staged st = { .s = { .put = put_staged, .f = f } };
		r = __format(&st.s, fmt, ap);
		__fwrite_bytes(st.area, st.s.used, f);
	} else {
		struct sink s = { .put = put_stream, .f = f };
		r = __format(&s, fmt, ap);
	}
	return !had_error && ferror(f) ? -1 : r;	/* an error in THIS call */
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *restrict fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

/* dprintf: straight to a file descriptor, through the same staging buffer. */
int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	FILE tmp = { .fd = fd, .flags = F_CANWRITE, .bufmode = _IONBF, .ungot = EOF };
	return vfprintf(&tmp, fmt, ap);
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}
