/*
 * pipe-demo - a pipe between two processes, and what happens when the
 * reader is gone.
 *
 * 1. A child writes a few lines into a pipe; the parent reads until end of
 *    file, which comes only once no process holds the write end any more.
 * 2. A child writes into a pipe nobody can read: SIGPIPE kills it.
 * 3. With SIGPIPE ignored, the same write just fails with EPIPE.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINES 5

static void xpipe(int p[2])
{
	if (pipe(p) < 0) {
		perror("pipe-demo: pipe");
		exit(1);
	}
}

static pid_t xfork(void)
{
	fflush(stdout);	/* else buffered output would be copied into the child */
	pid_t pid = fork();
	if (pid < 0) {
		perror("pipe-demo: fork");
		exit(1);
	}
	return pid;
}

static void writer(int fd)
{
	for (int i = 1; i <= LINES; i++)
		dprintf(fd, "line %d from the writer\n", i);
}

static void read_from_child(void)
{
	int p[2];
	xpipe(p);
	pid_t pid = xfork();
	if (pid == 0) {
		close(p[0]);
		writer(p[1]);
		_exit(0);
	}
	close(p[1]);	/* our copy of the write end would keep EOF from coming */
	char buf[256];
	ssize_t n, total = 0;
	while ((n = read(p[0], buf, sizeof buf)) > 0) {
		fwrite(buf, 1, (size_t)n, stdout);
		total += n;
	}
	close(p[0]);
	waitpid(pid, NULL, 0);
	printf("parent read %zd bytes, then end of file\n", total);
}

/* A pipe whose read end is already closed. */
static int pipe_without_reader(void)
{
	int p[2];
	xpipe(p);
	close(p[0]);
	return p[1];
}

static void write_kills(void)
{
	int fd = pipe_without_reader();
	pid_t pid = xfork();
	if (pid == 0) {
		write(fd, "x", 1);
		_exit(0);	/* not reached: SIGPIPE's default action ends the process */
	}
	close(fd);
	int status;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("writer child killed by signal %d (%s)\n", WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		printf("writer child exited with status %d\n", WEXITSTATUS(status));
}

static void write_fails(void)
{
	int fd = pipe_without_reader();
	signal(SIGPIPE, SIG_IGN);
	if (write(fd, "x", 1) < 0)
		printf("with SIGPIPE ignored, write: %s\n", strerror(errno));
	else
		printf("with SIGPIPE ignored, write succeeded?\n");
	close(fd);
}

int main(void)
{
	read_from_child();
	write_kills();
	write_fails();
	return 0;
}
