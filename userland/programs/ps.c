/*
 * ps - list every process, from /proc.
 *
 * Each process has a directory /proc/PID whose file "stat" holds one line
 * in the Linux format
 *     pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt
 *     majflt cmajflt utime stime cutime cstime priority nice ...
 * comm may itself contain spaces and parentheses, so the fields after it
 * are found from the LAST ')'. TIME is utime + stime, the CPU time used,
 * counted in clock ticks of 1/100 s and shown as minutes:seconds.hundredths.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TICKS_PER_SECOND 100

struct proc {
	int pid, ppid;
	char state;
	long nice;
	unsigned long ticks;	/* utime + stime */
	char comm[64];
};

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int by_pid(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Reads the pids in /proc into a sorted, malloc'd *pids; -1 if /proc cannot be read. */
static int read_pids(int **pids, size_t *n)
{
	DIR *d = opendir("/proc");
	if (!d)
		return -1;
	size_t cap = 0;
	struct dirent *e;
	*pids = NULL;
	*n = 0;
	while ((e = readdir(d))) {
		if (!all_digits(e->d_name))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			int *bigger = realloc(*pids, cap * sizeof **pids);
			if (!bigger)
				break;
			*pids = bigger;
		}
		(*pids)[(*n)++] = atoi(e->d_name);
	}
	closedir(d);
	qsort(*pids, *n, sizeof **pids, by_pid);
	return 0;
}

/* Fills p from /proc/PID/stat; -1 if the process is gone or the line is malformed. */
static int read_proc(int pid, struct proc *p)
{
	char path[32], line[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;	/* it exited since we listed /proc */
	ssize_t n = read(fd, line, sizeof line - 1);
	close(fd);
	if (n <= 0)
		return -1;
	line[n] = '\0';

	char *open_paren = strchr(line, '('), *close_paren = strrchr(line, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	size_t len = (size_t)(close_paren - open_paren - 1);
	if (len >= sizeof p->comm)
		len = sizeof p->comm - 1;
	memcpy(p->comm, open_paren + 1, len);
	p->comm[len] = '\0';

	unsigned long utime, stime;
	p->pid = pid;
	if (sscanf(close_paren + 1, " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %ld",
	           &p->state, &p->ppid, &utime, &stime, &p->nice) != 5)
		return -1;
	p->ticks = utime + stime;
	return 0;
}

static void print_proc(const struct proc *p)
{
	char time[32];
	unsigned long hundredths = p->ticks * 100 / TICKS_PER_SECOND;
	snprintf(time, sizeof time, "%lu:%02lu.%02lu",
	         hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
	printf("%5d %5d %c %3ld %8s %s\n", p->pid, p->ppid, p->state, p->nice, time, p->comm);
}

int main(void)
{
	size_t n;
	int *pids;
	if (read_pids(&pids, &n) < 0) {
		perror("ps: /proc");
		return 1;
	}
	printf("%5s %5s %s %3s %8s %s\n", "PID", "PPID", "S", "NI", "TIME", "CMD");
	for (size_t i = 0; i < n; i++) {
		struct proc p;
		if (read_proc(pids[i], &p) == 0)
			print_proc(&p);
	}
	free(pids);
	return 0;
}
