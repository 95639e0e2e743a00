/* start.c - from the initial stack to main() and back out through exit(). */
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"

char **environ;
const char *__progname = "";

int main(int argc, char **argv, char **envp);

/* Called from _start with sp_at_entry pointing at argc (see crt0.S). */
_Noreturn void __libc_start_main(long *sp_at_entry)
{
	int argc = (int)sp_at_entry[0];
	char **argv = (char **)(sp_at_entry + 1);
	char **envp = argv + argc + 1;	/* skip argv[] and its NULL */

	environ = envp;
	if (argc > 0 && argv[0])
		__progname = argv[0];

	exit(main(argc, argv, envp));
}
