/*
 * sysinfo: the system calls a single program asks the kernel about itself
 * and about time, printed only as facts that hold on any Linux, so that the
 * output is the same under qemu-riscv64 and under Timeshare.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static long nanos(const struct timespec *t)
{
	return t->tv_sec * 1000000000L + t->tv_nsec;
}

int main(void)
{
	struct utsname u;
	int r = uname(&u);
	printf("uname: %d %s %s\n", r, u.sysname, u.machine);
	printf("getpid > 0: %d\n", getpid() > 0);
	printf("getppid differs from getpid: %d\n", getppid() != getpid());

	struct timespec before, after, nap = { 0, 20000000 };
	clock_gettime(CLOCK_MONOTONIC, &before);
	printf("nanosleep 20 ms: %d\n", nanosleep(&nap, NULL));
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("monotonic clock advanced at least 20 ms: %d\n", nanos(&after) - nanos(&before) >= 20000000);

	struct timespec bad = { 0, 2000000000 };
	errno = 0;
	printf("nanosleep with 2e9 ns: %d errno %d\n", nanosleep(&bad, NULL), errno);

	struct timeval tv;
	printf("gettimeofday: %d, microseconds below a million: %d\n", gettimeofday(&tv, NULL), tv.tv_usec < 1000000);

	unsigned char bytes[16];
	printf("getrandom 16 bytes: %ld\n", (long)getrandom(bytes, sizeof bytes, 0));

	char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap 3 pages: %d\n", m != MAP_FAILED);
	int zeroed = m[0] == 0 && m[3 * 4096 - 1] == 0;
	m[0] = 'x';
	m[3 * 4096 - 1] = 'y';
	printf("zeroed, then writable: %d %d\n", zeroed, m[0] == 'x' && m[3 * 4096 - 1] == 'y');
	printf("mprotect the first page read-only: %d, still readable: %d\n", mprotect(m, 4096, PROT_READ), m[0] == 'x');
	printf("munmap: %d\n", munmap(m, 3 * 4096));

	char c;
	errno = 0;
	printf("read from fd 42: %ld errno %d\n", (long)read(42, &c, 1), errno);

	errno = 0;
	long unknown = syscall(999);
	printf("unknown system call: %ld errno %d\n", unknown, errno);
	return 0;
}
