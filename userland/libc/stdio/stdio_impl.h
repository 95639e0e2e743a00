/* stdio_impl.h - the FILE structure and the printf sink; private to stdio/. */
#ifndef _STDIO_IMPL_H
#define _STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* FILE.flags */
#define F_CANREAD  0x01	/* opened for reading */
#define F_CANWRITE 0x02	/* opened for writing */
#define F_EOF      0x04	/* end of file seen (sticky until clearerr/fseek) */
#define F_ERR      0x08	/* I/O error seen (sticky until clearerr) */
#define F_OWNBUF   0x10	/* buf was malloc'd by us */
#define F_STATIC   0x20	/* stdin/stdout/stderr: never freed */

/*
 * A stream is at any moment idle, reading or writing (`dir`):
 *   writing: buf[0, wpos) holds bytes not yet written to fd.
 *   reading: buf[rpos, rend) holds bytes read from fd, not yet consumed.
 * Switching direction first flushes pending output or discards (and seeks
 * back over) unread input, so the fd offset always matches the caller's view.
 * Invariant: wpos == 0 unless dir == DIR_WRITE; rpos == rend unless DIR_READ.
 */
enum { DIR_NONE, DIR_READ, DIR_WRITE };

struct _FILE {
	int fd;
	int flags;
	int bufmode;	/* _IOFBF, _IOLBF or _IONBF */
	int dir;
	unsigned char *buf;
	size_t size;	/* capacity of buf (0 if unbuffered) */
	size_t wpos;
	size_t rpos, rend;
	int ungot;	/* a character pushed back by ungetc, or EOF */
	struct _FILE *next;	/* all open streams, for fflush(NULL) and exit */
};

/* printf output goes through a sink: a put function plus its state. */
struct sink {
	void (*put)(struct sink *s, const char *p, size_t n);
	size_t count;	/* characters produced so far */
	char *buf;	/* memory sinks: destination, capacity, bytes stored */
	size_t cap, used;
	FILE *f;	/* stream sinks */
};

int __format(struct sink *s, const char *fmt, va_list ap);
size_t __fwrite_bytes(const void *p, size_t n, FILE *f);

#endif
