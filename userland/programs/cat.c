/*
 * cat - copy files to stdout.
 *
 *   cat [FILE...]      no FILE, or "-", means stdin
 *
 * A file that cannot be read is reported and skipped; the exit status is
 * then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Writes all n bytes, however many write() calls that takes. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Copies fd to stdout; returns 0, or -1 with errno set. */
static int copy(int fd)
{
	char buf[4096];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (int)n;
		if (write_all(1, buf, (size_t)n) < 0)
			return -1;
	}
}

static int cat(const char *name)
{
	int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
	int ok = fd >= 0 && copy(fd) == 0;
	if (!ok)
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
	if (fd > 0)
		close(fd);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return cat("-");
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= cat(argv[i]);
	return status;
}
