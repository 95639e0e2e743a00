/* misc.c - abs/div family, rand/srand. */
#include <stdlib.h>

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }

div_t div(int n, int d) { return (div_t){ n / d, n % d }; }
ldiv_t ldiv(long n, long d) { return (ldiv_t){ n / d, n % d }; }
lldiv_t lldiv(long long n, long long d) { return (lldiv_t){ n / d, n % d }; }

/*
 * rand: a 64-bit linear congruential generator (Knuth's MMIX constants);
 * the high 31 bits of the state are returned, since the low bits of an LCG
 * are poor. Deterministic: the same seed gives the same sequence everywhere.
 */
static unsigned long long rand_state = 1;

void srand(unsigned seed) { rand_state = seed; }

int rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);	/* 0 .. RAND_MAX (2^31 - 1) */
}
