/*
 * sig-demo - catching, blocking and sending signals.
 *
 * 1. A handler installed with sigaction runs when we send ourselves SIGUSR1.
 * 2. While SIGUSR1 is blocked, sending it only makes it pending; unblocking
 *    delivers it.
 * 3. SIGKILL cannot be caught: a child that would run forever is killed,
 *    and its parent learns the signal from wait.
 * Every line is printed by main (printf is not safe inside a handler).
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;	/* last signal the handler saw, 0 if none */

static void handler(int sig)
{
	caught = sig;
}

static void report(const char *when)
{
	if (caught)
		printf("%s: caught signal %d\n", when, caught);
	else
		printf("%s: nothing caught\n", when);
	caught = 0;
}

int main(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);

	/* A signal sent to oneself is delivered before kill returns. */
	kill(getpid(), SIGUSR1);
	report("after kill");

	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	kill(getpid(), SIGUSR1);
	report("after kill while blocked (pending)");
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	report("after unblocking");

	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("sig-demo: fork");	/* and never kill(-1, ...): that means everyone */
		return 1;
	}
	if (pid == 0)
		for (;;)
			sleep(1);
	kill(pid, SIGKILL);
	int status;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("child killed by signal %d\n", WTERMSIG(status));
	else
		printf("child exited with status %d\n", WEXITSTATUS(status));
	return 0;
}
