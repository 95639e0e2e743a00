/* dirent.c - opendir/readdir/closedir/dirfd over getdents64. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "../internal.h"

/* buf[pos, end) holds linux_dirent64 records not yet returned. */
struct _DIR {
	int fd;
	size_t pos, end;
	char buf[4096];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	DIR *d = malloc(sizeof *d);
	if (!d) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	d->pos = d->end = 0;
	return d;
}

struct dirent *readdir(DIR *d)
{
	if (d->pos >= d->end) {
		long r = __syscall3(SYS_getdents64, d->fd, d->buf, sizeof d->buf);
		if (r <= 0) {
			if (r < 0)
				errno = (int)-r;
			return NULL;	/* end of directory (errno untouched) or error */
		}
		d->pos = 0;
		d->end = (size_t)r;
	}
	/* The kernel record has our struct dirent's layout; d_name is NUL-terminated. */
	struct dirent *e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	return e;
}

int closedir(DIR *d)
{
	int r = close(d->fd);
	free(d);
	return r;
}

/* The descriptor stays owned by the stream: use it for *at() calls only. */
int dirfd(DIR *d)
{
	return d->fd;
}
