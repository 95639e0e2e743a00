/*
 * file.c - FILE streams: opening, buffering, reading, writing, seeking.
 * See stdio_impl.h for the structure and its invariants and stdio.h for the
 * buffering policy of the standard streams.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"
#include "../internal.h"

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE std_streams[3] = {
	{ .fd = 0, .flags = F_CANREAD | F_STATIC, .bufmode = _IOFBF,
	  .buf = stdin_buf, .size = BUFSIZ, .ungot = EOF, .next = &std_streams[1] },
	{ .fd = 1, .flags = F_CANWRITE | F_STATIC, .bufmode = _IOLBF,
	  .buf = stdout_buf, .size = BUFSIZ, .ungot = EOF, .next = &std_streams[2] },
	{ .fd = 2, .flags = F_CANWRITE | F_STATIC, .bufmode = _IONBF,
	  .buf = NULL, .size = 0, .ungot = EOF, .next = NULL },
};
FILE *const stdin = &std_streams[0];
FILE *const stdout = &std_streams[1];
FILE *const stderr = &std_streams[2];

static FILE *all_streams = &std_streams[0];

/* ------------------------------------------------------------ low level */

/* write(2) all of p, retrying short writes. Returns bytes written. */
static size_t write_all(FILE *f, const unsigned char *p, size_t n)
{
	size_t done = 0;
	while (done < n) {
		ssize_t r = write(f->fd, p + done, n - done);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			f->flags |= F_ERR;
			break;
		}
		done += (size_t)r;
	}
	return done;
}

/* Write out pending output. Returns 0 or EOF. */
static int flush_out(FILE *f)
{
	if (f->dir != DIR_WRITE)
		return 0;
	size_t n = f->wpos;
	size_t w = write_all(f, f->buf, n);
	if (w < n) {	/* keep what could not be written */
		memmove(f->buf, f->buf + w, n - w);
		f->wpos = n - w;
		return EOF;
	}
	f->wpos = 0;
	f->dir = DIR_NONE;
	return 0;
}

/* Drop buffered input, moving the fd offset back to the caller's position. */
static void drop_input(FILE *f)
{
	if (f->dir != DIR_READ)
		return;
	long unread = (long)(f->rend - f->rpos) + (f->ungot != EOF);
	if (unread)
		lseek(f->fd, -unread, SEEK_CUR);	/* fails harmlessly on pipes */
	f->rpos = f->rend = 0;
	f->ungot = EOF;
	f->dir = DIR_NONE;
}

static int to_write_mode(FILE *f)
{
	if (!(f->flags & F_CANWRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	drop_input(f);
	f->dir = DIR_WRITE;
	return 0;
}

static int to_read_mode(FILE *f)
{
	if (!(f->flags & F_CANREAD)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->dir == DIR_WRITE && flush_out(f) == EOF)
		return EOF;
	f->dir = DIR_READ;
	return 0;
}

/* Refill an empty read buffer. Returns the number of bytes now available. */
static size_t fill(FILE *f)
{
	/* An interactive program prints a prompt, then reads: show the prompt. */
	if (f != stdout && stdout->dir == DIR_WRITE)
		flush_out(stdout);
	unsigned char one;
	unsigned char *dst = f->size ? f->buf : &one;
	size_t cap = f->size ? f->size : 1;
	ssize_t r;
	do
		r = read(f->fd, dst, cap);
	while (r < 0 && errno == EINTR);
	if (r <= 0) {
		f->flags |= r == 0 ? F_EOF : F_ERR;
		return 0;
	}
	if (!f->size) {	/* unbuffered: hand the byte back through ungot */
		f->ungot = one;
		return 1;
	}
	f->rpos = 0;
	f->rend = (size_t)r;
	return (size_t)r;
}

/* ----------------------------------------------------------- writing */

/* The one write path: buffered per bufmode. Returns bytes accepted. */
size_t __fwrite_bytes(const void *data, size_t n, FILE *f)
{
	const unsigned char *p = data;
	if (n == 0)
		return 0;
	if (to_write_mode(f) == EOF)
		return 0;
	if (f->bufmode == _IONBF || f->size == 0)
		return write_all(f, p, n);

	size_t done = 0;
	while (done < n) {
		if (f->wpos == 0 && n - done >= f->size)	/* big write: bypass the buffer */
			return done + write_all(f, p + done, n - done);
		size_t room = f->size - f->wpos;
		size_t k = n - done < room ? n - done : room;
		memcpy(f->buf + f->wpos, p + done, k);
		f->wpos += k;
		done += k;
		if (f->wpos == f->size && flush_out(f) == EOF)	/* write error */
			return done > f->wpos ? done - f->wpos : 0;	/* what surely reached the fd */
		f->dir = DIR_WRITE;	/* flush_out left it idle */
	}
	if (f->bufmode == _IOLBF && memchr(p, '\n', n) && flush_out(f) == EOF)
		return 0;
	return n;
}

size_t fwrite(const void *restrict ptr, size_t size, size_t n, FILE *restrict f)
{
	size_t total;
	if (size == 0 || n == 0 || __builtin_mul_overflow(size, n, &total))
		return 0;
	return __fwrite_bytes(ptr, total, f) / size;
}

int fputc(int c, FILE *f)
{
	unsigned char b = (unsigned char)c;
	return __fwrite_bytes(&b, 1, f) == 1 ? b : EOF;
}
int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);
	return __fwrite_bytes(s, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

int fflush(FILE *f)
{
	if (!f) {	/* every stream */
		int r = 0;
		for (FILE *g = all_streams; g; g = g->next)
			if (g->dir == DIR_WRITE && flush_out(g) == EOF)
				r = EOF;
		return r;
	}
	if (f->dir == DIR_WRITE)
		return flush_out(f);
	drop_input(f);	/* POSIX: fflush on an input stream syncs the offset */
	return 0;
}

void __stdio_exit(void)
{
	fflush(NULL);
}

/* ----------------------------------------------------------- reading */

int fgetc(FILE *f)
{
	if (to_read_mode(f) == EOF)
		return EOF;
	if (f->ungot != EOF) {
		int c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rend && fill(f) == 0)
		return EOF;
	if (f->ungot != EOF) {	/* unbuffered fill */
		int c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	return f->buf[f->rpos++];
}
int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF || to_read_mode(f) == EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

size_t fread(void *restrict ptr, size_t size, size_t n, FILE *restrict f)
{
	size_t total;
	if (size == 0 || n == 0 || __builtin_mul_overflow(size, n, &total))
		return 0;
	unsigned char *p = ptr;
	size_t done = 0;
	if (to_read_mode(f) == EOF)
		return 0;
	if (f->ungot != EOF && done < total) {
		p[done++] = (unsigned char)f->ungot;
		f->ungot = EOF;
	}
	while (done < total) {
		if (f->rpos == f->rend) {
			if (f->size == 0) {	/* unbuffered */
				int c = fgetc(f);
				if (c == EOF)
					break;
				p[done++] = (unsigned char)c;
				continue;
			}
			if (fill(f) == 0)
				break;
		}
		size_t k = f->rend - f->rpos;
		if (k > total - done)
			k = total - done;
		memcpy(p + done, f->buf + f->rpos, k);
		f->rpos += k;
		done += k;
	}
	return done / size;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	if (n <= 0)
		return NULL;
	int i = 0;
	while (i < n - 1) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0)
		return NULL;	/* EOF or error before any character */
	s[i] = '\0';
	return s;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	size_t len = 0;
	for (;;) {
		int c = fgetc(f);
		if (c == EOF && len == 0)
			return -1;
		if (len + 2 > *cap || !*line) {
			size_t ncap = *cap < 64 ? 64 : *cap * 2;
			char *p = realloc(*line, ncap);
			if (!p)
				return -1;
			*line = p;
			*cap = ncap;
		}
		if (c == EOF)
			break;
		(*line)[len++] = (char)c;
		if (c == '\n')
			break;
	}
	(*line)[len] = '\0';
	return (ssize_t)len;
}

/* ---------------------------------------------------- open/close/seek */

/* Parse an fopen mode: r, w, a, optionally '+', with 'b' ignored, 'x' and 'e' extensions. */
static int mode_flags(const char *mode, int *oflags)
{
	int o;
	switch (mode[0]) {
	case 'r': o = O_RDONLY; break;
	case 'w': o = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': o = O_WRONLY | O_CREAT | O_APPEND; break;
	default: errno = EINVAL; return -1;
	}
	for (const char *m = mode + 1; *m; m++) {
		if (*m == '+') o = (o & ~O_ACCMODE) | O_RDWR;
		else if (*m == 'x') o |= O_EXCL;
		else if (*m == 'e') o |= O_CLOEXEC;
	}
	*oflags = o;
	return 0;
}

static FILE *new_stream(int fd, int oflags)
{
	FILE *f = calloc(1, sizeof *f);
	unsigned char *buf = malloc(BUFSIZ);
	if (!f || !buf) {
		free(f);
		free(buf);
		return NULL;
	}
	int acc = oflags & O_ACCMODE;
	f->fd = fd;
	f->flags = F_OWNBUF | (acc != O_WRONLY ? F_CANREAD : 0) | (acc != O_RDONLY ? F_CANWRITE : 0);
	f->bufmode = _IOFBF;
	f->buf = buf;
	f->size = BUFSIZ;
	f->ungot = EOF;
	f->next = all_streams;
	all_streams = f;
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int oflags;
	if (mode_flags(mode, &oflags) < 0)
		return NULL;
	int fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	FILE *f = new_stream(fd, oflags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags;
	if (mode_flags(mode, &oflags) < 0)
		return NULL;
	return new_stream(fd, oflags);
}

int fclose(FILE *f)
{
	int r = fflush(f);
	if (close(f->fd) < 0)
		r = EOF;
	if (f->flags & F_STATIC) {	/* the standard streams stay allocated */
		f->fd = -1;
		return r;
	}
	for (FILE **link = &all_streams; *link; link = &(*link)->next)
		if (*link == f) {
			*link = f->next;
			break;
		}
	if (f->flags & F_OWNBUF)
		free(f->buf);
	free(f);
	return r;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	if (mode == _IONBF) {
		f->bufmode = _IONBF;
		return 0;
	}
	if (buf && size > 0) {
		if (f->flags & F_OWNBUF)
			free(f->buf);
		f->flags &= ~F_OWNBUF;
		f->buf = (unsigned char *)buf;
		f->size = size;
	} else if (f->size == 0) {	/* was unbuffered without a buffer */
		unsigned char *b = malloc(BUFSIZ);
		if (!b)
			return -1;
		f->buf = b;
		f->size = BUFSIZ;
		f->flags |= F_OWNBUF;
	}
	f->bufmode = mode;
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fseek(FILE *f, long off, int whence)
{
	if (fflush(f) == EOF)	/* also drops input and syncs the offset */
		return -1;
	if (lseek(f->fd, off, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	long pos = lseek(f->fd, 0, SEEK_CUR);
	if (pos < 0)
		return -1;
	if (f->dir == DIR_WRITE)
		return pos + (long)f->wpos;
	if (f->dir == DIR_READ)
		return pos - (long)(f->rend - f->rpos) - (f->ungot != EOF);
	return pos;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int feof(FILE *f) { return (f->flags & F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
int fileno(FILE *f) { return f->fd; }

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno == EISDIR)
		return rmdir(path);
	return -1;
}
