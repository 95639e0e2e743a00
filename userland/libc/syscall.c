/*
 * syscall.c - one-to-one wrappers around Linux system calls.
 *
 * Every wrapper follows the C library convention: on failure the kernel
 * returns -errno; we store errno and return -1 (or MAP_FAILED / NULL where
 * the standard says so). Wrappers with more logic live in unistd/, signal/...
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

int errno;

long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL) {	/* r in [-4095, -1] */
		errno = (int)-r;
		return -1;
	}
	return r;
}

long syscall(long n, ...)
{
	va_list ap;
	long a, b, c, d, e, f;
	va_start(ap, n);
	a = va_arg(ap, long); b = va_arg(ap, long); c = va_arg(ap, long);
	d = va_arg(ap, long); e = va_arg(ap, long); f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(n, a, b, c, d, e, f));
}

/* ---- files ---- */

ssize_t read(int fd, void *buf, size_t n) { return __syscall_ret(__syscall3(SYS_read, fd, buf, n)); }
ssize_t write(int fd, const void *buf, size_t n) { return __syscall_ret(__syscall3(SYS_write, fd, buf, n)); }
int close(int fd) { return __syscall_ret(__syscall1(SYS_close, fd)); }
off_t lseek(int fd, off_t off, int whence) { return __syscall_ret(__syscall3(SYS_lseek, fd, off, whence)); }
ssize_t readv(int fd, const struct iovec *iov, int n) { return __syscall_ret(__syscall3(SYS_readv, fd, iov, n)); }
ssize_t writev(int fd, const struct iovec *iov, int n) { return __syscall_ret(__syscall3(SYS_writev, fd, iov, n)); }
int dup(int fd) { return __syscall_ret(__syscall1(SYS_dup, fd)); }
int dup3(int oldfd, int newfd, int flags) { return __syscall_ret(__syscall3(SYS_dup3, oldfd, newfd, flags)); }
int pipe2(int fds[2], int flags) { return __syscall_ret(__syscall2(SYS_pipe2, fds, flags)); }
int pipe(int fds[2]) { return pipe2(fds, 0); }

int dup2(int oldfd, int newfd)
{
	/* dup3 rejects oldfd == newfd; dup2 must then just validate oldfd. */
	if (oldfd == newfd)
		return fcntl(oldfd, F_GETFD) < 0 ? -1 : newfd;
	return dup3(oldfd, newfd, 0);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {	/* the mode argument exists only with O_CREAT */
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall4(SYS_openat, dirfd, path, flags, mode));
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall4(SYS_openat, AT_FDCWD, path, flags, mode));
}

int creat(const char *path, mode_t mode) { return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode); }

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);	/* harmless to read when cmd takes none */
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}

int fstat(int fd, struct stat *st) { return __syscall_ret(__syscall2(SYS_fstat, fd, st)); }
int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return __syscall_ret(__syscall4(SYS_newfstatat, dirfd, path, st, flags));
}
int stat(const char *path, struct stat *st) { return fstatat(AT_FDCWD, path, st, 0); }
int lstat(const char *path, struct stat *st) { return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW); }
int mkdirat(int dirfd, const char *path, mode_t mode) { return __syscall_ret(__syscall3(SYS_mkdirat, dirfd, path, mode)); }
int mkdir(const char *path, mode_t mode) { return mkdirat(AT_FDCWD, path, mode); }
int unlink(const char *path) { return __syscall_ret(__syscall3(SYS_unlinkat, AT_FDCWD, path, 0)); }
int rmdir(const char *path) { return __syscall_ret(__syscall3(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR)); }
int access(const char *path, int mode) { return __syscall_ret(__syscall3(SYS_faccessat, AT_FDCWD, path, mode)); }
mode_t umask(mode_t mask) { return (mode_t)__syscall1(SYS_umask, mask); }	/* cannot fail */
int chdir(const char *path) { return __syscall_ret(__syscall1(SYS_chdir, path)); }

int fchdir(int fd) { return __syscall_ret(__syscall1(SYS_fchdir, fd)); }
int chmod(const char *path, mode_t mode) { return __syscall_ret(__syscall4(SYS_fchmodat, AT_FDCWD, path, mode, 0)); }
int fchmod(int fd, mode_t mode) { return __syscall_ret(__syscall2(SYS_fchmod, fd, mode)); }
int link(const char *from, const char *to)
{
	return __syscall_ret(__syscall5(SYS_linkat, AT_FDCWD, from, AT_FDCWD, to, 0));
}
int symlink(const char *target, const char *linkpath)
{
	return __syscall_ret(__syscall3(SYS_symlinkat, target, AT_FDCWD, linkpath));
}
ssize_t readlink(const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall4(SYS_readlinkat, AT_FDCWD, path, buf, size));
}
/* riscv64 has no plain renameat: renameat2 with flags 0 is the same call. */
int rename(const char *from, const char *to)
{
	return __syscall_ret(__syscall5(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 0));
}
int truncate(const char *path, off_t len) { return __syscall_ret(__syscall2(SYS_truncate, path, len)); }
int ftruncate(int fd, off_t len) { return __syscall_ret(__syscall2(SYS_ftruncate, fd, len)); }
int fsync(int fd) { return __syscall_ret(__syscall1(SYS_fsync, fd)); }

/* getcwd(NULL, size) allocates the buffer (PATH_MAX bytes if size is 0), as glibc does. */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;
	if (!buf) {
		if (size == 0)
			size = PATH_MAX;
		if (!(buf = mine = malloc(size)))
			return NULL;
	}
	/* The raw call returns the length including the NUL; we return buf. */
	long r = __syscall_ret(__syscall2(SYS_getcwd, buf, size));
	if (r < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}

int isatty(int fd)
{
	/* TCGETS succeeds only on terminals. struct termios is 60 bytes for
	 * the kernel; a larger buffer is fine. */
	char termios[64];
	long r = __syscall3(SYS_ioctl, fd, 0x5401 /* TCGETS */, termios);
	if (r < 0) {
		errno = r == -EBADF ? EBADF : ENOTTY;
		return 0;
	}
	return 1;
}

/* ---- memory ---- */

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r = __syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off);
	return (void *)__syscall_ret(r);	/* -1 == MAP_FAILED */
}
int munmap(void *addr, size_t len) { return __syscall_ret(__syscall2(SYS_munmap, addr, len)); }
int mprotect(void *addr, size_t len, int prot) { return __syscall_ret(__syscall3(SYS_mprotect, addr, len, prot)); }

/* ---- processes ---- */

pid_t getpid(void) { return (pid_t)__syscall0(SYS_getpid); }	/* these cannot fail */
pid_t getppid(void) { return (pid_t)__syscall0(SYS_getppid); }
pid_t gettid(void) { return (pid_t)__syscall0(SYS_gettid); }
uid_t getuid(void) { return (uid_t)__syscall0(SYS_getuid); }
uid_t geteuid(void) { return (uid_t)__syscall0(SYS_geteuid); }
gid_t getgid(void) { return (gid_t)__syscall0(SYS_getgid); }
gid_t getegid(void) { return (gid_t)__syscall0(SYS_getegid); }

pid_t fork(void)
{
	/* clone(flags = SIGCHLD, stack = 0 (share nothing, copy-on-write the
	 * current stack), ptid, tls, ctid all unused). Child gets 0. */
	return __syscall_ret(__syscall5(SYS_clone, 17 /* SIGCHLD */, 0, 0, 0, 0));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(__syscall3(SYS_execve, path, argv, envp));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __syscall_ret(__syscall4(SYS_wait4, pid, status, options, ru));
}
pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, NULL); }
pid_t wait(int *status) { return wait4(-1, status, 0, NULL); }

int setpgid(pid_t pid, pid_t pgid) { return __syscall_ret(__syscall2(SYS_setpgid, pid, pgid)); }
pid_t getpgid(pid_t pid) { return __syscall_ret(__syscall1(SYS_getpgid, pid)); }
pid_t getpgrp(void) { return getpgid(0); }
pid_t getsid(pid_t pid) { return __syscall_ret(__syscall1(SYS_getsid, pid)); }
pid_t setsid(void) { return __syscall_ret(__syscall0(SYS_setsid)); }

int sched_yield(void) { return __syscall_ret(__syscall0(SYS_sched_yield)); }

/*
 * The raw getpriority returns 20 - nice (1..40) so that it is never
 * negative; POSIX getpriority returns the nice value (-20..19).
 */
int getpriority(int which, id_t who)
{
	long r = __syscall_ret(__syscall2(SYS_getpriority, which, who));
	return r < 0 ? -1 : 20 - (int)r;
}
int setpriority(int which, id_t who, int prio)
{
	return __syscall_ret(__syscall3(SYS_setpriority, which, who, prio));
}

int uname(struct utsname *u) { return __syscall_ret(__syscall1(SYS_uname, u)); }

ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
	return __syscall_ret(__syscall3(SYS_getrandom, buf, len, flags));
}

/* ---- time ---- */

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return __syscall_ret(__syscall2(SYS_clock_gettime, clk, ts));
}
int gettimeofday(struct timeval *tv, void *tz)
{
	return __syscall_ret(__syscall2(SYS_gettimeofday, tv, tz));
}
int getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(SYS_getitimer, which, value));
}
int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
	return __syscall_ret(__syscall3(SYS_setitimer, which, value, old));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(SYS_nanosleep, req, rem));
}

/* ---- program break ---- */

/*
 * The raw brk never fails with an error code: it returns the new break on
 * success and the old (unchanged) break on failure; brk(0) queries it.
 */
static unsigned long cur_brk;

int brk(void *addr)
{
	unsigned long r = (unsigned long)__syscall1(SYS_brk, addr);
	cur_brk = r;
	if (r != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long inc)
{
	if (cur_brk == 0)
		cur_brk = (unsigned long)__syscall1(SYS_brk, 0);
	unsigned long old = cur_brk;
	if (inc == 0)
		return (void *)old;
	if (brk((void *)(old + inc)) < 0)
		return (void *)-1;
	return (void *)old;
}
