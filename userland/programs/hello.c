/* hello - the smallest useful program: one line on stdout, exit status 0. */
#include <stdio.h>

int main(void)
{
	printf("Hello from Timeshare userland!\n");
	return 0;
}
