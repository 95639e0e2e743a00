/* sleep.c - sleep and usleep via nanosleep; nice via set/getpriority. */
#include <errno.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

unsigned sleep(unsigned seconds)
{
	struct timespec req = { seconds, 0 }, rem;
	if (nanosleep(&req, &rem) < 0)
		return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);	/* interrupted */
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { usec / 1000000, (long)(usec % 1000000) * 1000 };
	return nanosleep(&req, NULL);
}

int nice(int inc)
{
	int prio = getpriority(PRIO_PROCESS, 0) + inc;
	if (prio > 19) prio = 19;
	if (prio < -20) prio = -20;
	if (setpriority(PRIO_PROCESS, 0, prio) < 0)
		return -1;
	return prio;
}
