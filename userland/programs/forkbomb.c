/*
 * forkbomb - a bounded fork bomb: how many processes will the kernel allow?
 *
 *   forkbomb [LIMIT]       stop at LIMIT children (default 4096), as a
 *                          safety net on a real Linux
 *
 * Forks children until fork fails. The children do not fork again; each
 * blocks reading a pipe whose write end only the parent keeps, so they all
 * stay alive until the parent closes it, whatever the speed of the
 * machine. Then the parent reaps them all.
 * Exit status 0 if fork failed with EAGAIN (the kernel's process limit),
 * 1 otherwise.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *end = "";
	long limit = argc == 2 ? strtol(argv[1], &end, 10) : 4096;
	if (argc > 2 || *end || limit < 1) {
		fprintf(stderr, "usage: forkbomb [LIMIT]\n");
		return 2;
	}
	int hold[2];
	if (pipe(hold) < 0) {
		perror("forkbomb: pipe");
		return 1;
	}
	fflush(stdout);

	long forked = 0;
	int fork_errno = 0;
	while (forked < limit) {
		pid_t pid = fork();
		if (pid < 0) {
			fork_errno = errno;
			break;
		}
		if (pid == 0) {
			char c;
			close(hold[1]);
			while (read(hold[0], &c, 1) < 0 && errno == EINTR)
				;	/* returns 0 (EOF) once the parent closes hold[1] */
			_exit(0);
		}
		forked++;
	}
	if (fork_errno)
		printf("fork failed after %ld children: %s\n", forked, strerror(fork_errno));
	else
		printf("forked %ld children (the limit) without a failure\n", forked);
	fflush(stdout);

	close(hold[1]);	/* releases every child */
	long reaped = 0;
	for (;;) {
		if (wait(NULL) > 0)
			reaped++;
		else if (errno != EINTR)
			break;	/* ECHILD: none left */
	}
	printf("reaped %ld\n", reaped);
	return fork_errno == EAGAIN ? 0 : 1;
}
