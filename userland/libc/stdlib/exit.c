/* exit.c - atexit registry, exit, _Exit, abort. */
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include "../internal.h"

#define ATEXIT_MAX 32	/* POSIX requires at least 32 */

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;	/* invariant: entries [0, atexit_count) are valid */

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

_Noreturn void exit(int status)
{
	/* Handlers run in reverse order of registration. A handler may itself
	 * call atexit(); taking them off one at a time handles that. */
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__stdio_exit();
	_exit(status);
}

_Noreturn void _Exit(int status)
{
	_exit(status);
}

_Noreturn void _exit(int status)
{
	/* exit_group ends every thread of the process; we only have one. */
	for (;;)
		__syscall1(SYS_exit_group, status);
}

_Noreturn void abort(void)
{
	/* Make sure SIGABRT is neither ignored nor caught-and-returned-from. */
	sigset_t set = 1UL << (SIGABRT - 1);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	sigprocmask(SIG_UNBLOCK, &set, 0);
	raise(SIGABRT);
	/* Still alive (e.g. the kernel does not deliver signals): exit like a
	 * process killed by SIGABRT would be reported by a shell. */
	_exit(128 + SIGABRT);
}
