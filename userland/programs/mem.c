/*
 * mem - every process has its own address space.
 *
 *   mem [N]        N increments (default 5; 0 = forever)
 *
 * Allocates an int, prints its address, then increments it N times with
 * some computation in between, printing the value each time. Start two at
 * once: both print the same address, yet each counts 1, 2, 3... on its
 * own, because the same virtual address maps to different memory in each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "busywork.h"

int main(int argc, char **argv)
{
	char *end = "";
	long n = argc == 2 ? strtol(argv[1], &end, 10) : 5;
	if (argc > 2 || *end || n < 0) {
		fprintf(stderr, "usage: mem [N]\n");
		return 2;
	}
	int *p = malloc(sizeof *p);
	if (!p) {
		perror("mem: malloc");
		return 1;
	}
	int pid = getpid();
	printf("(%d) addr of p: %p\n", pid, (void *)p);
	*p = 0;
	for (long i = 1; n == 0 || i <= n; i++) {
		busywork(WORK_PER_LINE);
		*p += 1;
		printf("(%d) value: %d\n", pid, *p);
	}
	free(p);
	return 0;
}
