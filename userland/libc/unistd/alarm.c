/* alarm.c - alarm, pause, sysconf, getpagesize. */
#include <limits.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

/* alarm is the one-shot ITIMER_REAL timer, in whole seconds. */
unsigned alarm(unsigned seconds)
{
	struct itimerval it = { { 0, 0 }, { seconds, 0 } }, old;
	if (setitimer(ITIMER_REAL, &it, &old) < 0)
		return 0;
	/* round a partial second up, so a pending alarm never reads as 0 */
	return (unsigned)old.it_value.tv_sec + (old.it_value.tv_usec > 0);
}

/* Wait for any signal: suspend with the current mask unchanged. */
int pause(void)
{
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigsuspend(&cur);
}

long sysconf(int name)
{
	switch (name) {
	case _SC_ARG_MAX: return ARG_MAX;
	case _SC_CHILD_MAX: return 1024;
	case _SC_CLK_TCK: return 100;	/* the Linux USER_HZ */
	case _SC_OPEN_MAX: return 1024;
	case _SC_PAGESIZE: return 4096;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: return 1;
	default: return -1;
	}
}

int getpagesize(void) { return 4096; }
