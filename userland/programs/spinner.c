/*
 * spinner - a CPU-bound process that announces itself periodically, for
 * watching a scheduler interleave processes.
 *
 *   spinner NAME N [COUNT]
 *
 * Spins in a busy loop and prints "NAME i" (i = 1..COUNT) after every N
 * iterations; COUNT defaults to 5. Example: spinner A 1000000 5
 * Output goes through stdout, which is line buffered: one write per line.
 */
#include <stdio.h>
#include <stdlib.h>

static void usage(void)
{
	fprintf(stderr, "usage: spinner NAME N [COUNT]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4)
		usage();
	const char *name = argv[1];
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 0)
		usage();
	long count = 5;
	if (argc == 4) {
		count = strtol(argv[3], &end, 10);
		if (*end || count < 0)
			usage();
	}

	for (long i = 1; i <= count; i++) {
		/* The empty asm with a memory clobber keeps the loop from being
		 * optimised away: each iteration really executes. */
		for (long k = 0; k < n; k++)
			__asm__ volatile("" ::: "memory");
		printf("%s %ld\n", name, i);
	}
	return 0;
}
