/*
 * fork-demo - one call to fork, two processes returning from it.
 *
 * The parent gets the child's pid, the child gets 0. Which of the two
 * prints first is up to the scheduler.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("hello (pid:%d)\n", getpid());
	fflush(stdout);	/* else a buffered line would be copied into the child */
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork-demo: fork");
		return 1;
	}
	if (pid == 0)
		printf("hello, I am child (pid:%d)\n", getpid());
	else
		printf("hello, I am parent of %d (pid:%d)\n", pid, getpid());
	return 0;
}
