/*
 * sleep - wait for a while.
 *
 *   sleep SECONDS      a decimal number, fractions allowed (sleep 0.5)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	char *end;
	double seconds = argc == 2 ? strtod(argv[1], &end) : -1;
	if (argc != 2 || *end || end == argv[1] || !(seconds >= 0 && seconds < 1e9)) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 2;
	}
	struct timespec left;
	left.tv_sec = (time_t)seconds;
	left.tv_nsec = (long)((seconds - (double)left.tv_sec) * 1e9);
	/* A signal handler may cut a sleep short: sleep the rest. */
	while (nanosleep(&left, &left) < 0)
		if (errno != EINTR)
			return 1;
	return 0;
}
