/*
 * exec-demo - a child becomes another program.
 *
 *   exec-demo FILE
 *
 * The child replaces itself with "wc FILE" (found through $PATH): same
 * process, same pid, new program. The parent waits for it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: exec-demo FILE\n");
		return 2;
	}
	printf("hello (pid:%d)\n", getpid());
	fflush(stdout);	/* else a buffered line would be copied into the child */
	pid_t pid = fork();
	if (pid < 0) {
		perror("exec-demo: fork");
		return 1;
	}
	if (pid == 0) {
		printf("hello, I am child (pid:%d), now running wc %s\n", getpid(), argv[1]);
		fflush(stdout);	/* exec discards whatever is still buffered */
		char *args[] = { "wc", argv[1], NULL };
		execvp(args[0], args);
		fprintf(stderr, "exec-demo: wc: %s\n", strerror(errno));	/* only on failure */
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("hello, I am parent of %d (pid:%d)\n", pid, getpid());
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
