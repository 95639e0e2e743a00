/*
 * signal-selftest - catch, block, ignore and send signals, and watch what
 * they do to system calls and to other processes.
 *
 * Prints one line per check ("ok - ..." or "FAIL - ... (line N)"), never a
 * pid, so the output is the same on every run. The exit status is the
 * number of failed checks. Children that must act while the parent sleeps
 * in a system call first sleep 50 ms themselves: the parent is asleep by then.
 *
 * System calls used: kill, tgkill, rt_sigaction, rt_sigprocmask,
 * rt_sigpending, rt_sigsuspend, rt_sigreturn, clone, wait4, pipe2, read,
 * write, close, fcntl, nanosleep, getpid, getppid, exit_group.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what) check((cond), (what), __LINE__)
static void check(int ok, const char *what, int line)
{
	if (ok)
		printf("ok - %s\n", what);
	else {
		failures++;
		printf("FAIL - %s (line %d, errno %d)\n", what, line, errno);
	}
}

static void nap(void) { usleep(50000); }

static void on(int sig, void (*handler)(int), int flags, sigset_t mask)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sa.sa_mask = mask;
	sigaction(sig, &sa, NULL);
}

static sigset_t none(void) { sigset_t s; sigemptyset(&s); return s; }
static sigset_t just(int sig) { sigset_t s = none(); sigaddset(&s, sig); return s; }

/* Forks a child that runs body and exits with its result; flushes first so nothing prints twice. */
static pid_t child(int (*body)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(body());
	return pid;
}

static int wait_for(pid_t pid)
{
	int status = -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* ---------------------------------------------------------- handlers */

static volatile sig_atomic_t hits, last;
static char order[16];
static volatile int order_len;
static void note(char c) { order[order_len++] = c; order[order_len] = 0; }

static void count(int sig) { hits++; last = sig; }
static void first(int sig) { note('1'); raise(SIGUSR2); note('b'); }
static void second(int sig) { note('2'); }
static void again(int sig)
{
	note('n');
	if (order_len < 2)
		raise(SIGUSR1);
}

static sigset_t mask_inside;
static void look_at_mask(int sig) { sigprocmask(SIG_BLOCK, NULL, &mask_inside); }

static siginfo_t info;
static void *context;
static void keep_info(int sig, siginfo_t *si, void *uc) { info = *si; context = uc; hits++; }

static void test_handlers(void)
{
	on(SIGUSR1, count, 0, none());
	hits = 0;
	CHECK(kill(getpid(), SIGUSR1) == 0 && hits == 1 && last == SIGUSR1, "handler runs for kill(getpid())");
	CHECK(raise(SIGUSR1) == 0 && hits == 2, "handler runs for raise()");

	on(SIGUSR1, look_at_mask, 0, just(SIGUSR2));
	raise(SIGUSR1);
	CHECK(sigismember(&mask_inside, SIGUSR1) && sigismember(&mask_inside, SIGUSR2), "in a handler its signal and sa_mask are blocked");
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2), "after the handler the mask is restored");

	on(SIGUSR1, first, 0, just(SIGUSR2));
	on(SIGUSR2, second, 0, none());
	order_len = 0;
	raise(SIGUSR1);
	CHECK(strcmp(order, "1b2") == 0, "a signal in sa_mask waits until the handler returns");
	on(SIGUSR1, first, 0, none());
	order_len = 0;
	raise(SIGUSR1);
	CHECK(strcmp(order, "12b") == 0, "a signal not in sa_mask nests inside the handler");
	on(SIGUSR1, again, SA_NODEFER, none());
	order_len = 0;
	raise(SIGUSR1);
	CHECK(strcmp(order, "nn") == 0, "SA_NODEFER lets a handler be interrupted by its own signal");

	struct sigaction old;
	on(SIGUSR1, count, SA_RESETHAND, none());
	hits = 0;
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	CHECK(hits == 1 && old.sa_handler == SIG_DFL, "SA_RESETHAND: one delivery, then the default action");

	struct sigaction sa = { 0 };
	sa.sa_sigaction = keep_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	kill(getpid(), SIGUSR2);
	CHECK(info.si_signo == SIGUSR2 && info.si_code == 0 && info.si_pid == getpid() && context != NULL,
	      "SA_SIGINFO: si_signo, si_code SI_USER and si_pid from kill, a ucontext");
	raise(SIGUSR2);
	CHECK(info.si_code == -6 && info.si_pid == getpid(), "SA_SIGINFO: si_code SI_TKILL from raise");
	sigaction(SIGUSR2, NULL, &old);
	CHECK(old.sa_sigaction == keep_info && (old.sa_flags & SA_SIGINFO), "sigaction reports the old action");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void test_mask(void)
{
	on(SIGUSR1, count, 0, none());
	hits = 0;
	sigset_t usr1 = just(SIGUSR1), start, old, pending, all, now;
	sigprocmask(SIG_BLOCK, &usr1, &start);
	raise(SIGUSR1);
	sigpending(&pending);
	CHECK(hits == 0 && sigismember(&pending, SIGUSR1), "a blocked signal stays pending");
	sigset_t usr2 = just(SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	CHECK(sigismember(&old, SIGUSR1) && !sigismember(&old, SIGUSR2), "sigprocmask gives the old mask");
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	CHECK(hits == 1, "unblocking delivers the pending signal");
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	sigprocmask(SIG_SETMASK, &old, &now);
	CHECK(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP) && sigismember(&now, SIGTERM),
	      "SIGKILL and SIGSTOP cannot be blocked");
	sigprocmask(SIG_SETMASK, &start, NULL);
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	CHECK(1, "an ignored signal does nothing");
	signal(SIGUSR1, SIG_DFL);

	struct sigaction sa = { 0 };
	CHECK(sigaction(SIGKILL, &sa, NULL) < 0 && errno == EINVAL, "SIGKILL's action cannot be changed");
	CHECK(kill(getpid(), 0) == 0, "kill(pid, 0) finds a live process");
	CHECK(kill(99999, 0) < 0 && errno == ESRCH, "kill of no process is ESRCH");
	CHECK(kill(getpid(), 65) < 0 && errno == EINVAL, "signal 65 is EINVAL");
}

/* Computes in registers the handler clobbers, with the kill's ecall in the middle. */
static void clobber(int sig)
{
	__asm__ volatile("li t0, -1\n li t1, -1\n li t2, -1\n li t3, -1\n li t4, -1\n li t5, -1\n li t6, -1\n"
			 "li a2, -1\n li a3, -1\n li a4, -1\n li a5, -1\n li a6, -1\n"
			 "fcvt.d.l ft0, t0\n fcvt.d.l ft11, t0\n fcvt.d.l fa7, t0\n fcvt.d.l fs0, t0\n"
			 ::: "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a2", "a3", "a4", "a5", "a6",
			 "ft0", "ft11", "fa7", "fs0");
}

static void test_registers(void)
{
	on(SIGUSR1, clobber, 0, none());
	register long a0 __asm__("a0") = getpid();
	register long a1 __asm__("a1") = SIGUSR1;
	register long a7 __asm__("a7") = SYS_kill;
	long bad;
	__asm__ volatile("li t0, 11\n li t1, 12\n li t2, 13\n li t3, 14\n li t4, 15\n li t5, 16\n li t6, 17\n"
			 "li a2, 18\n li a3, 19\n li a4, 20\n li a5, 21\n li a6, 22\n"
			 "fcvt.d.l ft0, t0\n fcvt.d.l ft11, t6\n fcvt.d.l fa7, a6\n fcvt.d.l fs0, a2\n"
			 "ecall\n"
			 "addi t0, t0, -11\n addi t1, t1, -12\n addi t2, t2, -13\n addi t3, t3, -14\n"
			 "addi t4, t4, -15\n addi t5, t5, -16\n addi t6, t6, -17\n"
			 "addi a2, a2, -18\n addi a3, a3, -19\n addi a4, a4, -20\n addi a5, a5, -21\n addi a6, a6, -22\n"
			 "or %0, t0, t1\n or %0, %0, t2\n or %0, %0, t3\n or %0, %0, t4\n or %0, %0, t5\n or %0, %0, t6\n"
			 "or %0, %0, a2\n or %0, %0, a3\n or %0, %0, a4\n or %0, %0, a5\n or %0, %0, a6\n"
			 "fcvt.l.d t0, ft0\n addi t0, t0, -11\n or %0, %0, t0\n"
			 "fcvt.l.d t0, ft11\n addi t0, t0, -17\n or %0, %0, t0\n"
			 "fcvt.l.d t0, fa7\n addi t0, t0, -22\n or %0, %0, t0\n"
			 "fcvt.l.d t0, fs0\n addi t0, t0, -18\n or %0, %0, t0\n"
			 : "=&r"(bad), "+r"(a0)
			 : "r"(a1), "r"(a7)
			 : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a2", "a3", "a4", "a5", "a6",
			   "ft0", "ft11", "fa7", "fs0", "memory");
	CHECK(bad == 0 && a0 == 0, "registers are as they were after a handler ran");
	signal(SIGUSR1, SIG_DFL);
}

/* ------------------------------------------------------ other processes */

static int exit7(void) { return 7; }
static int forever(void) { for (;;) pause(); }
static int spin(void) { for (;;) ; }
static int ping[2], pong[2];

static int echo_once(void)
{
	char c;
	write(pong[1], "r", 1);
	read(ping[0], &c, 1);
	write(pong[1], "y", 1);
	return 0;
}

static void test_children(void)
{
	struct sigaction sa = { 0 };
	sa.sa_sigaction = keep_info;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
	hits = 0;
	pid_t pid = child(exit7);
	int status = wait_for(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7, "a child's exit status");
	CHECK(hits == 1 && info.si_signo == SIGCHLD && info.si_code == 1 && info.si_pid == pid && info.si_status == 7,
	      "SIGCHLD arrives when a child exits, with its pid and status");
	signal(SIGCHLD, SIG_DFL);

	pid = child(forever);
	kill(pid, SIGKILL);
	status = wait_for(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "SIGKILL ends a child: WTERMSIG 9");
	pid = child(spin);
	nap();
	kill(pid, SIGKILL);
	status = wait_for(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "SIGKILL ends a child that never makes a system call");
	pid = child(forever);
	kill(pid, SIGTERM);
	status = wait_for(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "SIGTERM's default action ends a child");

	pipe(ping);
	pipe(pong);
	pid = child(echo_once);
	char c = 0;
	read(pong[0], &c, 1);
	kill(pid, SIGSTOP);
	nap();
	write(ping[1], "x", 1);
	nap();
	fcntl(pong[0], F_SETFL, O_NONBLOCK);
	CHECK(read(pong[0], &c, 1) < 0 && errno == EAGAIN, "a stopped child does not run");
	fcntl(pong[0], F_SETFL, 0);
	kill(pid, SIGCONT);
	CHECK(read(pong[0], &c, 1) == 1 && c == 'y', "SIGCONT resumes it");
	status = wait_for(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the resumed child exits normally");
	close(ping[0]); close(ping[1]); close(pong[0]); close(pong[1]);
}

#define BAD_ADDRESS 16
static void on_segv(int sig, siginfo_t *si, void *uc)
{
	_exit(si->si_signo == SIGSEGV && si->si_addr == (void *)BAD_ADDRESS ? 42 : 43);
}
static int segv_caught(void)
{
	struct sigaction sa = { 0 };
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	*(volatile int *)BAD_ADDRESS = 1;
	return 0;
}
static int segv_blocked(void)
{
	sigset_t segv = just(SIGSEGV);
	sigprocmask(SIG_BLOCK, &segv, NULL);
	*(volatile int *)0 = 1;
	return 0;
}
static int write_to_closed_pipe(void)
{
	close(ping[0]);
	write(ping[1], "x", 1);
	return 0;
}

static void test_faults(void)
{
	/* Ignored dispositions survive exec: whoever started us (a test runner) may have ignored SIGPIPE. */
	signal(SIGPIPE, SIG_DFL);
	int status = wait_for(child(segv_caught));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42, "a SIGSEGV handler runs for a bad store, si_addr the address");
	status = wait_for(child(segv_blocked));
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "a blocked SIGSEGV from a fault still kills");

	pipe(ping);
	close(ping[0]);
	status = wait_for(child(write_to_closed_pipe));
	CHECK(WIFSIGNALED(status) && 128 + WTERMSIG(status) == 141, "SIGPIPE kills a writer to a pipe without readers: 141");
	signal(SIGPIPE, SIG_IGN);
	CHECK(write(ping[1], "x", 1) < 0 && errno == EPIPE, "with SIGPIPE ignored, write gives EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(ping[1]);
}

/* --------------------------------------------- interrupted system calls */

static int signal_parent(void)
{
	nap();
	kill(getppid(), SIGUSR1);
	nap();
	write(ping[1], "z", 1);
	return 0;
}

/* Reads one byte from ping while a child signals; the child writes "z" after. */
static long read_while_signalled(int flags, int sig, char *c)
{
	on(sig, count, flags, none());
	hits = 0;
	pipe(ping);
	pid_t pid = child(signal_parent);
	errno = 0;
	long r = read(ping[0], c, 1);
	wait_for(pid);
	close(ping[0]);
	close(ping[1]);
	signal(sig, SIG_DFL);
	return r;
}

static int usr2_parent(void)
{
	nap();
	kill(getppid(), SIGUSR2);
	nap();
	write(ping[1], "z", 1);
	return 0;
}

static void test_interrupts(void)
{
	char c = 0;
	long r = read_while_signalled(0, SIGUSR1, &c);
	CHECK(r < 0 && errno == EINTR && hits == 1, "a handled signal interrupts a read: EINTR");
	r = read_while_signalled(SA_RESTART, SIGUSR1, &c);
	CHECK(r == 1 && c == 'z' && hits == 1, "with SA_RESTART the read restarts and gets the data");

	signal(SIGUSR2, SIG_IGN);
	pipe(ping);
	pid_t pid = child(usr2_parent);
	r = read(ping[0], &c, 1);
	CHECK(r == 1 && c == 'z', "an ignored signal does not interrupt a read");
	wait_for(pid);
	close(ping[0]);
	close(ping[1]);
	/* SIGUSR2 stays ignored: qemu-user may hold an ignored signal and act on it later, with the disposition of then. */

	on(SIGUSR1, count, SA_RESTART, none());
	hits = 0;
	pipe(ping);
	pid = child(signal_parent);
	struct timespec t = { 5, 0 };
	CHECK(nanosleep(&t, NULL) < 0 && errno == EINTR && hits == 1, "a handled signal interrupts nanosleep even with SA_RESTART");
	wait_for(pid);

	sigset_t usr1 = just(SIGUSR1), empty = none(), now;
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	hits = 0;
	pid = child(signal_parent);
	CHECK(sigsuspend(&empty) < 0 && errno == EINTR && hits == 1, "sigsuspend waits for a signal, then EINTR");
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1), "sigsuspend puts the old mask back");
	wait_for(pid);
	close(ping[0]);
	close(ping[1]);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	test_handlers();
	test_mask();
	test_registers();
	test_children();
	test_faults();
	test_interrupts();
	printf("%d failed\n", failures);
	return failures;
}
