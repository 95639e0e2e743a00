/* env.c - getenv, setenv, unsetenv over the global environ array. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Index of "name=" in environ, or -1. */
static int find(const char *name, size_t len)
{
	if (!environ)
		return -1;
	for (int i = 0; environ[i]; i++)
		if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
			return i;
	return -1;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);
	return i < 0 ? NULL : environ[i] + len + 1;
}

/*
 * setenv allocates "name=value" strings and, on the first insertion, a
 * private copy of the environ array (the original lives on the initial
 * stack and cannot grow). Replaced strings are leaked: the caller may still
 * hold pointers from getenv, as POSIX allows.
 */
static char **own_env;	/* non-NULL once environ points into the heap */

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	int i = find(name, len);
	if (i >= 0 && !overwrite)
		return 0;

	size_t vlen = strlen(value);
	char *s = malloc(len + vlen + 2);
	if (!s)
		return -1;
	memcpy(s, name, len);
	s[len] = '=';
	memcpy(s + len + 1, value, vlen + 1);

	if (i >= 0) {
		environ[i] = s;
		return 0;
	}
	int n = 0;
	while (environ && environ[n])
		n++;
	char **e = realloc(own_env, (n + 2) * sizeof *e);
	if (!e) {
		free(s);
		return -1;
	}
	if (!own_env)	/* first growth: copy the original entries */
		for (int k = 0; k < n; k++)
			e[k] = environ[k];
	e[n] = s;
	e[n + 1] = NULL;
	environ = own_env = e;
	return 0;
}

int unsetenv(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	int i;
	while ((i = find(name, len)) >= 0)
		for (; environ[i]; i++)	/* shift the rest (and the NULL) down */
			environ[i] = environ[i + 1];
	return 0;
}
