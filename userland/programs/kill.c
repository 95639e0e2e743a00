/*
 * kill - send a signal to processes.
 *
 *   kill [-SIGNAL] PID...      SIGNAL: a number, or a name with or without
 *                              "SIG" (KILL, SIGKILL, 9); default TERM
 *   kill -l                    list the signal names
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Index = signal number (Linux, asm-generic, as on riscv64). */
static const char *const names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT",
	[SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF", [SIGWINCH] = "WINCH",
	[SIGIO] = "IO", [SIGPWR] = "PWR", [SIGSYS] = "SYS",
};
#define NNAMES ((int)(sizeof names / sizeof names[0]))

/* The signal named by s (number or name), or -1. */
static int parse_signal(const char *s)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);
		return *end || n > 64 ? -1 : (int)n;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (int sig = 1; sig < NNAMES; sig++)
		if (strcasecmp(s, names[sig]) == 0)
			return sig;
	return -1;
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL] PID...\n       kill -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM;
	if (i < argc && strcmp(argv[i], "-l") == 0) {
		for (int s = 1; s < NNAMES; s++)
			printf("%2d %s\n", s, names[s]);
		return 0;
	}
	if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		if ((sig = parse_signal(argv[i] + 1)) < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", argv[i] + 1);
			return 2;
		}
		i++;
	}
	if (i == argc)
		return usage();

	int status = 0;
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end || pid <= 0) {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
