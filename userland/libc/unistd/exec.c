/* exec.c - the exec family on top of execve. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * execvp: a file name containing '/' is used as is; otherwise each
 * directory of $PATH (default "/bin:/usr/bin") is tried in order. An empty
 * PATH element means the current directory. We keep going past ENOENT-like
 * errors and report EACCES if some candidate existed but was not executable.
 */
int execvp(const char *file, char *const argv[])
{
	if (!file || !*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, environ);

	const char *path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";

	size_t flen = strlen(file);
	char buf[PATH_MAX];
	int saw_eacces = 0;

	for (const char *p = path;; ) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		if (dlen + 1 + flen + 1 <= sizeof buf) {
			size_t n = 0;
			if (dlen > 0) {
				memcpy(buf, p, dlen);
				n = dlen;
				buf[n++] = '/';
			}
			memcpy(buf + n, file, flen + 1);
			execve(buf, argv, environ);
			/* Only returns on failure. */
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG)
				return -1;	/* e.g. ENOEXEC, E2BIG: report it */
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return -1;
}

/* At most this many arguments for execl and execlp. */
#define EXECL_MAX 64

/*
 * Collects arg and the variadic arguments after it, up to the terminating
 * NULL, into argv (which holds EXECL_MAX + 1 entries). -1 with E2BIG if too many.
 */
static int collect_args(char **argv, const char *arg, va_list ap)
{
	int n = 0;
	for (const char *a = arg; a; a = va_arg(ap, const char *)) {
		if (n == EXECL_MAX) { errno = E2BIG; return -1; }
		argv[n++] = (char *)a;
	}
	argv[n] = NULL;
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[EXECL_MAX + 1];
	va_list ap;
	va_start(ap, arg);
	int ok = collect_args(argv, arg, ap);
	va_end(ap);
	return ok < 0 ? -1 : execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[EXECL_MAX + 1];
	va_list ap;
	va_start(ap, arg);
	int ok = collect_args(argv, arg, ap);
	va_end(ap);
	return ok < 0 ? -1 : execvp(file, argv);
}
