/* args - show exactly what the kernel put on the initial stack:
 * argc, every argv[i] and every environment string, one per line. */
#include <stdio.h>

int main(int argc, char **argv, char **envp)
{
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=\"%s\"\n", i, argv[i]);
	if (argv[argc] != NULL)
		printf("error: argv[argc] is not NULL\n");
	int n = 0;
	for (; envp[n]; n++)
		printf("envp[%d]=\"%s\"\n", n, envp[n]);
	printf("envc=%d\n", n);
	return 0;
}
