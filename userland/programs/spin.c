/*
 * spin - a CPU-bound process that says where it is, to watch time-sharing.
 *
 *   spin NAME [COUNT]      COUNT lines (default 5; 0 = forever)
 *
 * Prints "NAME 1", "NAME 2", ... with a fixed amount of computation
 * before each line. Run several in the background (spin A & spin B &) and
 * the scheduler shows in how their lines interleave.
 */
#include <stdio.h>
#include <stdlib.h>
#include "busywork.h"

int main(int argc, char **argv)
{
	char *end = "";
	long count = argc == 3 ? strtol(argv[2], &end, 10) : 5;
	if (argc < 2 || argc > 3 || *end || count < 0) {
		fprintf(stderr, "usage: spin NAME [COUNT]\n");
		return 2;
	}
	for (long i = 1; count == 0 || i <= count; i++) {
		busywork(WORK_PER_LINE);
		printf("%s %ld\n", argv[1], i);
	}
	return 0;
}
