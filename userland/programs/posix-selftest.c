/*
 * posix-selftest - exercise the process, file, pipe, signal and time system
 * calls through the C library, printing deterministic results.
 *
 *   posix-selftest [EXEC_PROG]
 *
 * EXEC_PROG (default "echo") is run with execvp, so $PATH must find it; it
 * is called as `EXEC_PROG hello from exec` and must print that text, as
 * echo does. Files are created in $TMPDIR (default /tmp) and removed again.
 * Lines starting with FAIL report broken checks; the exit status is the
 * number of failures.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

static int checks, failures;

#define CHECK(cond) check((cond), #cond, __LINE__)
static void check(int ok, const char *what, int line)
{
	checks++;
	if (!ok) {
		failures++;
		printf("FAIL line %d: %s (errno %d: %s)\n", line, what, errno, strerror(errno));
	}
}

static char dir[512];

static void path(char *buf, const char *name)
{
	snprintf(buf, 600, "%s/%s", dir, name);
}

/* ------------------------------------------------------------ identity */

static void test_identity(void)
{
	printf("== identity\n");
	pid_t pid = getpid(), ppid = getppid();
	printf("getpid > 0: %d, getppid > 0: %d, differ: %d\n", pid > 0, ppid > 0, pid != ppid);
	struct utsname u;
	CHECK(uname(&u) == 0);
	printf("uname: sysname=%s machine=%s\n", u.sysname, u.machine);
	errno = 0;
	printf("close(-1) = %d, errno EBADF: %d\n", close(-1), errno == EBADF);
	printf("isatty(-1) = %d\n", isatty(-1));
	unsigned char rnd[16];
	printf("getrandom(16) = %zd\n", getrandom(rnd, sizeof rnd, 0));
	CHECK(sched_yield() == 0);
	fflush(stdout);
	struct iovec iov[3] = { { "writev: ", 8 }, { "three ", 6 }, { "pieces\n", 7 } };
	CHECK(writev(STDOUT_FILENO, iov, 3) == 21);
}

/* ---------------------------------------------------------------- time */

static long long ns(const struct timespec *t) { return t->tv_sec * 1000000000LL + t->tv_nsec; }

static void test_time(void)
{
	printf("== time\n");
	struct timespec a, b;
	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	struct timespec req = { 0, 20 * 1000 * 1000 };	/* 20 ms */
	CHECK(nanosleep(&req, NULL) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
	long long slept = ns(&b) - ns(&a);
	printf("nanosleep(20ms) slept at least 20ms: %d\n", slept >= 20000000);
	struct timeval tv;
	CHECK(gettimeofday(&tv, NULL) == 0);
	time_t t = time(NULL);
	printf("time() after 2020: %d, gettimeofday agrees: %d\n", t > 1577836800,
	       tv.tv_sec - t <= 1 && t - tv.tv_sec <= 1);
	CHECK(usleep(1000) == 0);
}

/* --------------------------------------------------------------- files */

static void test_files(void)
{
	printf("== files\n");
	char p[600], q[600];
	path(p, "ts-selftest.txt");

	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	const char text[] = "first line\nsecond line\nthird\n";
	printf("write: %zd\n", write(fd, text, sizeof text - 1));
	CHECK(close(fd) == 0);

	struct stat st;
	CHECK(stat(p, &st) == 0);
	printf("stat: size=%ld regular=%d dir=%d mode=%o\n", (long)st.st_size, S_ISREG(st.st_mode),
	       S_ISDIR(st.st_mode), (unsigned)(st.st_mode & 0777 & ~0022));

	FILE *f = fopen(p, "r");
	CHECK(f != NULL);
	char line[64];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		printf("fgets %d: [%s]\n", ++n, line);
	}
	printf("feof=%d ferror=%d\n", feof(f), ferror(f));
	CHECK(fseek(f, 6, SEEK_SET) == 0);
	printf("ftell after fseek: %ld, fgetc: %c\n", ftell(f), fgetc(f));
	CHECK(ungetc('L', f) == 'L');
	printf("after ungetc: %c%c, ftell %ld\n", fgetc(f), fgetc(f), ftell(f));
	rewind(f);
	char all[64] = { 0 };
	printf("fread: %zu\n", fread(all, 1, sizeof all, f));
	CHECK(memcmp(all, text, sizeof text - 1) == 0);
	CHECK(fclose(f) == 0);

	f = fopen(p, "a");
	CHECK(f != NULL);
	fprintf(f, "appended %d\n", 42);
	CHECK(fclose(f) == 0);
	fd = open(p, O_RDONLY);
	CHECK(fd >= 0);
	struct stat st2;
	CHECK(fstat(fd, &st2) == 0);
	printf("after append: size=%ld\n", (long)st2.st_size);
	printf("lseek(-12, SEEK_END) = %ld\n", (long)lseek(fd, -12, SEEK_END));
	char tail[16] = { 0 };
	printf("read: %zd [%.11s]\n", read(fd, tail, sizeof tail - 1), tail);
	CHECK(close(fd) == 0);

	f = fopen(p, "r+");
	CHECK(f != NULL);
	CHECK(fseek(f, 0, SEEK_SET) == 0);
	fputs("FIRST", f);
	CHECK(fseek(f, 0, SEEK_SET) == 0);
	CHECK(fgets(line, sizeof line, f) != NULL);
	line[strcspn(line, "\n")] = '\0';
	printf("r+ overwrite: [%s]\n", line);
	fclose(f);

	/* fscanf reads through the stream, leaving the rest for fgets */
	f = fopen(p, "w+");
	CHECK(f != NULL);
	fprintf(f, "10 20 word\n3.5 rest of line\n");
	rewind(f);
	int i1 = 0, i2 = 0;
	char word[16] = "";
	double dv = 0;
	int got = fscanf(f, "%d %d %15s %lf", &i1, &i2, word, &dv);
	CHECK(fgets(line, sizeof line, f) != NULL);
	line[strcspn(line, "\n")] = '\0';
	printf("fscanf: %d -> %d %d [%s] %g, then fgets: [%s]\n", got, i1, i2, word, dv, line);
	printf("fscanf at EOF: %d\n", fscanf(f, "%d", &i1));
	fclose(f);

	CHECK(unlink(p) == 0);
	errno = 0;
	printf("stat after unlink: %d, errno ENOENT: %d\n", stat(p, &st), errno == ENOENT);
	errno = 0;
	printf("fopen missing: %s, errno ENOENT: %d\n", fopen(p, "r") ? "opened" : "NULL",
	       errno == ENOENT);

	/* rename, link, symlink, truncate, chmod */
	path(p, "ts-a");
	path(q, "ts-b");
	fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "0123456789", 10) == 10);
	CHECK(ftruncate(fd, 4) == 0);
	CHECK(fsync(fd) == 0);
	close(fd);
	CHECK(rename(p, q) == 0);
	errno = 0;
	printf("rename: old gone %d, new size %ld\n", stat(p, &st) < 0 && errno == ENOENT,
	       stat(q, &st) == 0 ? (long)st.st_size : -1L);
	CHECK(link(q, p) == 0);
	CHECK(stat(p, &st) == 0);
	printf("link: nlink=%u\n", (unsigned)st.st_nlink);
	CHECK(unlink(p) == 0);
	CHECK(symlink("ts-b", p) == 0);
	char target[64] = { 0 };
	ssize_t tl = readlink(p, target, sizeof target - 1);
	CHECK(lstat(p, &st) == 0);
	printf("symlink: readlink %zd [%s], lstat is link %d\n", tl, target, S_ISLNK(st.st_mode));
	CHECK(unlink(p) == 0);
	CHECK(chmod(q, 0600) == 0);
	CHECK(stat(q, &st) == 0);
	printf("chmod 600: mode %o\n", (unsigned)(st.st_mode & 0777));
	CHECK(truncate(q, 0) == 0);
	CHECK(stat(q, &st) == 0 && st.st_size == 0);
	CHECK(unlink(q) == 0);

	/* directories */
	path(q, "ts-selftest.d");
	CHECK(mkdir(q, 0755) == 0);
	errno = 0;
	printf("mkdir twice: %d, errno EEXIST: %d\n", mkdir(q, 0755), errno == EEXIST);
	const char *names[] = { "b", "a", "c" };
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", q, names[i]);
		fd = open(p, O_CREAT | O_WRONLY, 0600);
		CHECK(fd >= 0);
		close(fd);
	}
	DIR *d = opendir(q);
	CHECK(d != NULL);
	char seen[8] = { 0 };
	int entries = 0;
	for (struct dirent *e; d && (e = readdir(d)); ) {
		entries++;
		if (e->d_name[1] == '\0' && e->d_name[0] >= 'a' && e->d_name[0] <= 'c')
			seen[e->d_name[0] - 'a'] = 1;
	}
	if (d)
		closedir(d);
	printf("readdir: %d entries (with . and ..), a b c present: %d%d%d\n", entries, seen[0],
	       seen[1], seen[2]);
	errno = 0;
	printf("rmdir non-empty: %d, errno ENOTEMPTY: %d\n", rmdir(q), errno == ENOTEMPTY);
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", q, names[i]);
		CHECK(unlink(p) == 0);
	}
	CHECK(rmdir(q) == 0);

	/* cwd */
	char cwd[512];
	CHECK(chdir("/") == 0);
	printf("getcwd after chdir(/): %s\n", getcwd(cwd, sizeof cwd));
	char *dyn = getcwd(NULL, 0);
	printf("getcwd(NULL, 0): %s\n", dyn ? dyn : "NULL");
	free(dyn);
}

/* ----------------------------------------------------- processes, pipes */

static void test_processes(const char *exec_prog)
{
	printf("== fork, pipe, wait\n");
	int fds[2];
	CHECK(pipe(fds) == 0);
	fflush(stdout);	/* or the child would inherit and repeat buffered output */
	pid_t child = fork();
	CHECK(child >= 0);
	if (child == 0) {
		close(fds[0]);
		const char msg[] = "message through the pipe";
		write(fds[1], msg, sizeof msg);
		_exit(7);
	}
	close(fds[1]);
	char buf[64] = { 0 };
	ssize_t got = read(fds[0], buf, sizeof buf);
	printf("parent read %zd bytes: [%s]\n", got, buf);
	printf("read at EOF: %zd\n", read(fds[0], buf, sizeof buf));
	close(fds[0]);
	int status;
	pid_t w = waitpid(child, &status, 0);
	printf("waitpid: same pid %d, exited %d, status %d\n", w == child, WIFEXITED(status),
	       WEXITSTATUS(status));
	errno = 0;
	printf("wait with no children: %d, errno ECHILD: %d\n", wait(&status), errno == ECHILD);

	/* child's stdout redirected into a pipe with dup2 */
	CHECK(pipe(fds) == 0);
	fflush(stdout);
	child = fork();
	if (child == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		printf("printed by the child (pid differs from parent's: %d)\n", getpid() != getppid());
		exit(0);	/* flushes the redirected stdout */
	}
	close(fds[1]);
	memset(buf, 0, sizeof buf);
	got = 0;
	for (ssize_t r; (r = read(fds[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0; )
		got += r;
	close(fds[0]);
	waitpid(child, &status, 0);
	printf("via dup2: %s", buf);

	/* process groups and sessions */
	fflush(stdout);
	child = fork();
	if (child == 0) {
		pid_t me = getpid();
		int ok = setpgid(0, 0) == 0 && getpgrp() == me;
		pid_t sid = setsid();	/* fails: a group leader cannot start a session */
		printf("child: own process group %d, setsid as group leader fails %d\n", ok, sid < 0);
		exit(0);
	}
	waitpid(child, &status, 0);
	fflush(stdout);
	child = fork();
	if (child == 0) {
		pid_t sid = setsid();
		printf("child: setsid %d, getsid matches %d, pgrp matches %d\n", sid == getpid(),
		       getsid(0) == sid, getpgrp() == sid);
		exit(0);
	}
	waitpid(child, &status, 0);

	/* exit status of a child killed by a signal */
	fflush(stdout);
	child = fork();
	if (child == 0) {
		for (;;)
			sched_yield();
	}
	CHECK(kill(child, SIGTERM) == 0);
	waitpid(child, &status, 0);
	printf("killed child: signaled %d, signal %d (SIGTERM=%d), exited %d\n", WIFSIGNALED(status),
	       WTERMSIG(status), SIGTERM, WIFEXITED(status));

	fflush(stdout);
	child = fork();
	if (child == 0)
		abort();
	waitpid(child, &status, 0);
	printf("abort(): signaled %d, signal %d (SIGABRT=%d)\n", WIFSIGNALED(status), WTERMSIG(status),
	       SIGABRT);

	/* hardware faults become signals: a store to address 0, an illegal instruction */
	fflush(stdout);
	child = fork();
	if (child == 0) {
		*(volatile int *)0 = 1;
		_exit(0);
	}
	waitpid(child, &status, 0);
	printf("store to NULL: signaled %d, signal %d (SIGSEGV=%d)\n", WIFSIGNALED(status),
	       WTERMSIG(status), SIGSEGV);
	child = fork();
	if (child == 0) {
		__asm__ volatile("unimp");
		_exit(0);
	}
	waitpid(child, &status, 0);
	printf("illegal instruction: signaled %d, signal %d (SIGILL=%d)\n", WIFSIGNALED(status),
	       WTERMSIG(status), SIGILL);

	/* exec */
	printf("== exec\n");
	fflush(stdout);
	child = fork();
	if (child == 0) {
		char *argv[] = { (char *)exec_prog, "hello", "from", "exec", NULL };
		execvp(exec_prog, argv);
		printf("execvp failed: %s\n", strerror(errno));
		_exit(127);
	}
	waitpid(child, &status, 0);
	printf("exec child: exited %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
	errno = 0;
	char *noargv[] = { "no-such-program", NULL };
	printf("execvp missing: %d, errno ENOENT: %d\n", execvp("no-such-program-xyz", noargv),
	       errno == ENOENT);
}

/* ------------------------------------------------------------- signals */

static volatile sig_atomic_t got_signal;
static void on_usr1(int sig) { got_signal = sig; }
static sigset_t mask_in_handler;
static volatile sig_atomic_t alarms;
static void on_alarm(int sig) { alarms++; }
static void on_usr1_mask(int sig) { sigprocmask(SIG_BLOCK, NULL, &mask_in_handler); }

static void test_signals(void)
{
	printf("== signals\n");
	struct sigaction sa = { 0 }, old;
	sa.sa_handler = on_usr1;
	CHECK(sigaction(SIGUSR1, &sa, &old) == 0);
	CHECK(raise(SIGUSR1) == 0);
	printf("handler ran: %d (signal %d)\n", got_signal == SIGUSR1, (int)got_signal);

	got_signal = 0;
	sigset_t set, prev;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, &prev) == 0);
	raise(SIGUSR1);
	printf("while blocked: handler ran %d\n", (int)got_signal);
	CHECK(sigprocmask(SIG_SETMASK, &prev, NULL) == 0);
	printf("after unblock: handler ran %d\n", got_signal == SIGUSR1);

	CHECK(signal(SIGUSR1, SIG_IGN) == on_usr1);
	got_signal = 0;
	raise(SIGUSR1);
	printf("ignored: still alive, handler ran %d\n", (int)got_signal);
	signal(SIGUSR1, SIG_DFL);
	printf("sigismember: %d %d\n", sigismember(&set, SIGUSR1), sigismember(&set, SIGUSR2));

	/* sa_mask must round-trip, and be in force while the handler runs */
	sa.sa_handler = on_usr1_mask;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGALRM);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0);
	printf("sa_mask round trip: %d, handler round trip: %d\n", old.sa_mask == sa.sa_mask,
	       old.sa_handler == on_usr1_mask);
	raise(SIGUSR1);
	printf("in handler: SIGALRM blocked %d, SIGUSR1 blocked %d\n",
	       sigismember(&mask_in_handler, SIGALRM), sigismember(&mask_in_handler, SIGUSR1));
	signal(SIGUSR1, SIG_DFL);

	/* sigpending: a blocked signal waits */
	sigprocmask(SIG_BLOCK, &set, &prev);
	raise(SIGUSR1);
	sigset_t pending;
	CHECK(sigpending(&pending) == 0);
	printf("sigpending: SIGUSR1 pending %d\n", sigismember(&pending, SIGUSR1));
	signal(SIGUSR1, SIG_IGN);	/* discard it */
	sigprocmask(SIG_SETMASK, &prev, NULL);
	signal(SIGUSR1, SIG_DFL);

	/* a timer signal ends pause() */
	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };	/* 50 ms, one shot */
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	errno = 0;
	int pr = pause();
	printf("pause: %d, EINTR %d, SIGALRM handled %d\n", pr, errno == EINTR, alarms == 1);
	printf("alarm: %u then %u\n", alarm(10), alarm(0) > 0);
	signal(SIGALRM, SIG_DFL);
}

/* -------------------------------------------------------------- memory */

static void test_memory(void)
{
	printf("== memory\n");
	size_t len = 3 * 4096;
	unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED);
	int zero = 1;
	for (size_t i = 0; i < len; i++)
		zero &= m[i] == 0;
	memset(m, 0x5a, len);
	printf("mmap: zero-filled %d, writable %d\n", zero, m[len - 1] == 0x5a);
	CHECK(mprotect(m, 4096, PROT_READ) == 0);
	CHECK(munmap(m, len) == 0);

	void *b0 = sbrk(0);
	CHECK(sbrk(8192) == b0);
	CHECK((char *)sbrk(0) == (char *)b0 + 8192);
	memset(b0, 1, 8192);
	printf("sbrk: grew by 8192\n");

	int old = getpriority(PRIO_PROCESS, 0);
	printf("nice: start %d, nice(5) -> %d, getpriority -> %d\n", old, nice(5),
	       getpriority(PRIO_PROCESS, 0));
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s", tmp && *tmp ? tmp : "/tmp");
	const char *exec_prog = argc > 1 ? argv[1] : "echo";

	test_identity();
	test_time();
	test_files();
	test_processes(exec_prog);
	test_signals();
	test_memory();

	printf("== result\n");
	if (failures)
		printf("posix-selftest: %d of %d checks FAILED\n", failures, checks);
	else
		printf("posix-selftest: all %d checks passed\n", checks);
	return failures;
}
