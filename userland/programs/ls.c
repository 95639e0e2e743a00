/*
 * ls - list directories.
 *
 *   ls [-l] [DIR|FILE...]      default: the current directory
 *
 * Names are sorted bytewise, one per line; names starting with '.' are
 * hidden. With -l each line is "TYPE SIZE NAME", TYPE being d (directory),
 * - (regular file), l (symbolic link), p (pipe), c or b (devices) or s
 * (socket). With several operands each directory's listing is headed by
 * "DIR:".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int long_format;

static char type_letter(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return 'd';
	case S_IFLNK: return 'l';
	case S_IFIFO: return 'p';
	case S_IFCHR: return 'c';
	case S_IFBLK: return 'b';
	case S_IFSOCK: return 's';
	default: return '-';
	}
}

/* Prints one entry; dirfd and name locate it for fstatat. */
static int show(int dirfd, const char *name)
{
	if (!long_format) {
		puts(name);
		return 0;
	}
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		fprintf(stderr, "ls: %s: %s\n", name, strerror(errno));
		return 1;
	}
	printf("%c %8lld %s\n", type_letter(st.st_mode), (long long)st.st_size, name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the visible names of d into a sorted, malloc'd array; *n gets their count. */
static char **read_names(DIR *d, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	*n = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			char **bigger = realloc(names, cap * sizeof *names);
			if (!bigger)
				break;
			names = bigger;
		}
		if (!(names[*n] = strdup(e->d_name)))
			break;
		++*n;
	}
	qsort(names, *n, sizeof *names, by_name);
	return names;
}

static int list_dir(const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	size_t n;
	char **names = read_names(d, &n);
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		status |= show(dirfd(d), names[i]);
		free(names[i]);
	}
	free(names);
	closedir(d);
	return status;
}

/* One operand: a directory is listed, anything else shown by itself. */
static int list(const char *path, int with_header)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return show(AT_FDCWD, path);
	if (with_header)
		printf("%s:\n", path);
	return list_dir(path);
}

int main(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "-l") == 0) {
		long_format = 1;
		i++;
	}
	if (i == argc)
		return list(".", 0);
	int status = 0;
	for (int first = i; i < argc; i++)
		status |= list(argv[i], argc - first > 1);
	return status;
}
