/*
 * strtod-stress - 100 000 random decimal and hexadecimal strings, including
 * the subnormal range and overflow; prints a hash of every result's bits and
 * of when ERANGE was set. Must equal the glibc build's output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long st = 777;
static unsigned lcg(void)
{
	st = st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(st >> 33);
}

int main(void)
{
	char buf[128];
	unsigned long long h = 0, he = 0;
	for (int i = 0; i < 100000; i++) {
		int n = 0, nd = (int)(lcg() % 40) + 1;
		int mode = (int)(lcg() % 4);
		if (mode == 3) {	/* hexadecimal */
			n += sprintf(buf, "0x");
			for (int k = 0; k < nd % 20 + 1; k++) {
				if (k == 3)
					buf[n++] = '.';
				buf[n++] = "0123456789abcdef"[lcg() % 16];
			}
			n += sprintf(buf + n, "p%d", (int)(lcg() % 2300) - 1150);
		} else {	/* decimal: small, subnormal-range and wide exponents */
			for (int k = 0; k < nd; k++) {
				if (k == nd / 3)
					buf[n++] = '.';
				buf[n++] = (char)('0' + lcg() % 10);
			}
			int e = mode == 0 ? (int)(lcg() % 60) - 30
			      : mode == 1 ? (int)(lcg() % 40) - 345 : (int)(lcg() % 700) - 350;
			n += sprintf(buf + n, "e%d", e);
		}
		errno = 0;
		double d = strtod(buf, NULL);
		unsigned long long b;
		memcpy(&b, &d, 8);
		h = h * 1000003 + b;
		he = he * 3 + (errno == ERANGE);
	}
	printf("%016llx %016llx\n", h, he);
	return 0;
}
