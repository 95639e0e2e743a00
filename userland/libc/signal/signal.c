/* signal.c - signal sets, sigaction, signal, kill, raise. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "../internal.h"

#define SIGSET_SIZE 8	/* bytes in the kernel's sigset_t on riscv64 */

static int bad_signal(int sig) { return sig < 1 || sig > 64; }

int sigemptyset(sigset_t *set) { *set = 0; return 0; }
int sigfillset(sigset_t *set) { *set = ~0UL; return 0; }

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig)) { errno = EINVAL; return -1; }
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig)) { errno = EINVAL; return -1; }
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig)) { errno = EINVAL; return -1; }
	return (*set >> (sig - 1)) & 1;
}

/* Our struct sigaction has the kernel's riscv64 layout, so it is passed through. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigaction, sig, act, old, SIGSET_SIZE));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigprocmask, how, set, old, SIGSET_SIZE));
}

/* BSD semantics, as glibc: the handler stays installed, interrupted calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { 0 }, old;
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int kill(pid_t pid, int sig) { return __syscall_ret(__syscall2(SYS_kill, pid, sig)); }

int raise(int sig)
{
	/* Direct the signal at this thread, as POSIX specifies for raise(). */
	return __syscall_ret(__syscall3(SYS_tgkill, getpid(), gettid(), sig));
}
