/*
 * math-stress - 200 000 random doubles (normal, subnormal, inf, nan)
 * through floor, ceil, trunc, round, fmod, ldexp and sqrt; prints a hash of
 * the result bits (all NaNs hash alike). Must equal the glibc build's output.
 * (fmin/fmax are left out: for signalling NaNs x86 glibc and the RISC-V
 * fmin.d rule legitimately differ.)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

static unsigned long long st = 3;
static unsigned lcg(void)
{
	st = st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(st >> 33);
}

static double random_double(void)
{
	unsigned long long b = (unsigned long long)lcg() << 32 | lcg();
	if (lcg() % 4 == 0)	/* often a tiny exponent: subnormals and near them */
		b &= 0x800fffffffffffffULL | ((unsigned long long)(lcg() % 3) << 52);
	double d;
	memcpy(&d, &b, 8);
	return d;
}

static unsigned long long h;
static void mix(double d)
{
	unsigned long long b;
	memcpy(&b, &d, 8);
	if (d != d)
		b = 1;
	h = h * 1000003 + b;
}

int main(void)
{
	for (int i = 0; i < 200000; i++) {
		double x = random_double(), y = random_double();
		int e = (int)(lcg() % 4400) - 2200;
		mix(floor(x));
		mix(ceil(x));
		mix(trunc(x));
		mix(round(x));
		mix(fmod(x, y));
		mix(ldexp(x, e));
		mix(sqrt(fabs(x)));
	}
	printf("%016llx\n", h);
	return 0;
}
