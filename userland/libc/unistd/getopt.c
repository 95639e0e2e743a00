/* getopt.c - POSIX getopt (no GNU permutation, no long options). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static int optpos = 1;	/* index of the next option letter inside argv[optind] */

int getopt(int argc, char *const argv[], const char *optstring)
{
	if (optind >= argc || !argv[optind] || argv[optind][0] != '-' || argv[optind][1] == '\0')
		return -1;
	if (strcmp(argv[optind], "--") == 0) {
		optind++;
		return -1;
	}

	int c = (unsigned char)argv[optind][optpos];
	const char *spec = c == ':' ? NULL : strchr(optstring, c);
	int colon_mode = optstring[0] == ':';
	optopt = c;

	if (!spec) {
		if (opterr && !colon_mode)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		if (argv[optind][++optpos] == '\0') { optind++; optpos = 1; }
		return '?';
	}
	if (spec[1] == ':') {	/* option takes an argument */
		if (argv[optind][optpos + 1] != '\0') {
			optarg = &argv[optind][optpos + 1];
			optind++;
		} else if (optind + 1 < argc) {
			optarg = argv[optind + 1];
			optind += 2;
		} else {
			optind++;
			optpos = 1;
			if (opterr && !colon_mode)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
			return colon_mode ? ':' : '?';
		}
		optpos = 1;
		return c;
	}
	if (argv[optind][++optpos] == '\0') { optind++; optpos = 1; }
	return c;
}
