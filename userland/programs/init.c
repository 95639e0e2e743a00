/*
 * init - the first process.
 *
 *   init [PROG ARGS...]      (default: /bin/sh)
 *
 * Starts PROG with our stdin, stdout and stderr, then waits for children
 * forever: besides PROG, every process whose parent exits is handed to us
 * and must be reaped here, or it would stay a zombie. When PROG itself
 * ends, init exits with PROG's status, which ends the machine.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *shell[] = { "/bin/sh", NULL };
	char **prog = argc > 1 ? argv + 1 : shell;

	pid_t child = fork();
	if (child < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return 1;
	}
	if (child == 0) {
		execvp(prog[0], prog);
		fprintf(stderr, "init: %s: %s\n", prog[0], strerror(errno));
		_exit(127);
	}

	for (;;) {
		int status;
		pid_t pid = wait(&status);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0) {	/* cannot happen while PROG lives */
			fprintf(stderr, "init: wait: %s\n", strerror(errno));
			return 1;
		}
		if (pid == child)
			return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
		/* Any other pid was an orphan: reaping it is all there is to do. */
	}
}
