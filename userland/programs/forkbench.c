/*
 * forkbench - repeat process creation, for timing from outside.
 *
 *   forkbench fork N           N times: fork, the child _exits, the parent waits
 *   forkbench exec N PROG      N times: fork, the child execs PROG, the parent waits
 *
 * PROG should be tiny (true); give it as a path to skip the $PATH search.
 * Prints "N cycles" at the end; fails, naming the step, if any fork, exec
 * or wait fails or a child exits with a non-zero status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int usage(void)
{
	fprintf(stderr, "usage: forkbench fork N\n       forkbench exec N PROG\n");
	return 2;
}

/* One cycle; 0, or -1 after printing what failed. */
static int cycle(char **prog)
{
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "forkbench: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (!prog)
			_exit(0);
		execvp(prog[0], prog);
		fprintf(stderr, "forkbench: exec %s: %s\n", prog[0], strerror(errno));
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0) {
		fprintf(stderr, "forkbench: wait: %s\n", strerror(errno));
		return -1;
	}
	if (status != 0) {
		fprintf(stderr, "forkbench: child %d ended with wait status 0x%x\n", pid, status);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int exec_mode = argc == 4 && strcmp(argv[1], "exec") == 0;
	if (!exec_mode && !(argc == 3 && strcmp(argv[1], "fork") == 0))
		return usage();
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 0)
		return usage();
	char *prog[] = { exec_mode ? argv[3] : NULL, NULL };

	for (long i = 0; i < n; i++)
		if (cycle(exec_mode ? prog : NULL) < 0) {
			fprintf(stderr, "forkbench: failed in cycle %ld\n", i + 1);
			return 1;
		}
	printf("%ld cycles\n", n);
	return 0;
}
