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

/*
 * The kernel's struct sigaction on riscv64 (asm-generic, no SA_RESTORER) is
 *     { handler, flags, mask }                      24 bytes, mask at 16.
 * qemu-user 7.2 (our test oracle) wrongly uses the layout with sa_restorer,
 *     { handler, flags, restorer, mask }            32 bytes, mask at 24,
 * so we hand the kernel a 32-byte record that reads right either way: the
 * mask is stored at both offsets (qemu ignores the "restorer" for riscv as
 * no SA_RESTORER flag is set). For the old action, word 3 is pre-set to a
 * value no kernel can return (a mask containing SIGKILL): if it changed,
 * the kernel used the 32-byte layout and the mask is there.
 * The kernel (or its vDSO) provides the rt_sigreturn trampoline.
 */
struct ksigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long mask;	/* real Linux */
	unsigned long mask_alt;	/* qemu-user 7.2; also: room if the kernel writes 32 bytes */
};
#define NO_MASK (~0UL)

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct ksigaction k, ko = { .mask_alt = NO_MASK };
	if (act) {
		k.handler = (unsigned long)act->sa_handler;
		k.flags = act->sa_flags;
		k.mask = k.mask_alt = act->sa_mask;
	}
	long r = __syscall4(SYS_rt_sigaction, sig, act ? &k : NULL, old ? &ko : NULL, SIGSET_SIZE);
	if (r < 0)
		return __syscall_ret(r);
	if (old) {
		old->sa_handler = (void (*)(int))ko.handler;
		old->sa_flags = ko.flags;
		old->sa_mask = ko.mask_alt != NO_MASK ? ko.mask_alt : ko.mask;
	}
	return 0;
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

/* Replace the mask with *mask and wait for a signal; always returns -1/EINTR. */
int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(SYS_rt_sigsuspend, mask, SIGSET_SIZE));
}

int sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall2(SYS_rt_sigpending, set, SIGSET_SIZE));
}

int kill(pid_t pid, int sig) { return __syscall_ret(__syscall2(SYS_kill, pid, sig)); }

int raise(int sig)
{
	/* Direct the signal at this thread, as POSIX specifies for raise(). */
	return __syscall_ret(__syscall3(SYS_tgkill, getpid(), gettid(), sig));
}
