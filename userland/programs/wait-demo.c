/*
 * wait-demo - the parent waits for its child.
 *
 * Like fork-demo, but the parent prints only after wait() has returned,
 * so the child's line always comes first. The child's exit code (7)
 * travels to the parent inside the wait status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_EXIT_CODE 7

int main(void)
{
	printf("hello (pid:%d)\n", getpid());
	fflush(stdout);	/* else a buffered line would be copied into the child */
	pid_t pid = fork();
	if (pid < 0) {
		perror("wait-demo: fork");
		return 1;
	}
	if (pid == 0) {
		printf("hello, I am child (pid:%d)\n", getpid());
		exit(CHILD_EXIT_CODE);
	}
	int status;
	pid_t reaped = wait(&status);
	printf("hello, I am parent of %d (reaped:%d) (pid:%d)\n", pid, reaped, getpid());
	if (WIFEXITED(status))
		printf("child exited with status %d\n", WEXITSTATUS(status));
	else
		printf("child killed by signal %d\n", WTERMSIG(status));
	return 0;
}
