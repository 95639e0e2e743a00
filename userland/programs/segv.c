/*
 * segv: makes a page read-only with mprotect, then stores into it. The
 * store must end the program with SIGSEGV (exit status 139 in a shell).
 */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	volatile char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page[0] = 'w';
	printf("writable, then read-only: %d\n", mprotect((void *)page, 4096, PROT_READ));
	fflush(stdout);
	page[0] = 'x';
	printf("the store went through\n");
	return 0;
}
