/*
 * redirect-demo - how a shell sends a program's output to a file.
 *
 *   redirect-demo OUTFILE
 *
 * The child closes descriptor 1 and opens OUTFILE, which therefore gets
 * descriptor 1: open always returns the lowest free descriptor. It then
 * execs echo, which writes to descriptor 1 as usual, unaware that it is
 * now a file. The parent only waits.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: redirect-demo OUTFILE\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("redirect-demo: fork");
		return 1;
	}
	if (pid == 0) {
		close(1);
		if (open(argv[1], O_CREAT | O_WRONLY | O_TRUNC, 0644) < 0) {
			fprintf(stderr, "redirect-demo: %s: %s\n", argv[1], strerror(errno));
			_exit(1);
		}
		char *args[] = { "echo", "this line was written by echo to its stdout", NULL };
		execvp(args[0], args);
		fprintf(stderr, "redirect-demo: echo: %s\n", strerror(errno));
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
