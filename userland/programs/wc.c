/*
 * wc - count lines, words and bytes.
 *
 *   wc [FILE...]       no FILE, or "-", means stdin
 *
 * Prints "lines words bytes NAME" per file (no name for stdin) and a total
 * line when given several files. A word is a maximal run of non-space
 * characters.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	long lines, words, bytes;
};

static void print(const struct counts *c, const char *name)
{
	printf("%7ld %7ld %7ld", c->lines, c->words, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* Adds the counts of fd to c; returns 0, or -1 with errno set. */
static int count(int fd, struct counts *c)
{
	char buf[4096];
	int in_word = 0;	/* was the previous byte part of a word? */
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (int)n;
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			int space = isspace((unsigned char)buf[i]);
			c->lines += buf[i] == '\n';
			c->words += !space && !in_word;
			in_word = !space;
		}
	}
}

/* Counts one file (NULL: stdin) into total and prints it; returns 0 or 1. */
static int wc(const char *name, struct counts *total)
{
	int fd = !name || strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
	struct counts c = { 0 };
	int ok = fd >= 0 && count(fd, &c) == 0;
	if (ok) {
		print(&c, name);
		total->lines += c.lines;
		total->words += c.words;
		total->bytes += c.bytes;
	} else {
		fprintf(stderr, "wc: %s: %s\n", name ? name : "-", strerror(errno));
	}
	if (fd > 0)
		close(fd);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct counts total = { 0 };
	if (argc == 1)
		return wc(NULL, &total);
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= wc(argv[i], &total);
	if (argc > 2)
		print(&total, "total");
	return status;
}
