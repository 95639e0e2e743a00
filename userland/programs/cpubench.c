/*
 * cpubench - a deterministic CPU-bound benchmark.
 *
 *   cpubench [SCALE]        (SCALE 1..100000, default DEFAULT_SCALE)
 *
 * Three kernels, each run SCALE rounds, each printing its own result, then
 * a combined checksum:
 *   sort    heapsort 16384 fresh 32-bit LCG values per round
 *   crc32   CRC-32 (IEEE, reflected, table driven) over a 64 KiB buffer,
 *           4 passes per round, chained
 *   matmul  one 48x48 integer matrix product per round, mod 2^32
 * Work is linear in SCALE while memory stays fixed (under 200 KiB of heap),
 * so a small simulated machine can run any scale. Only integer arithmetic is
 * used, so every machine prints the same numbers. No time is printed:
 * measure from outside (the simulator counts instructions and cycles).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t lcg_state;

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(lcg_state >> 32);
}

/* ----------------------------------------------------------- heapsort */

static void sift_down(uint32_t *a, size_t start, size_t n)
{
	size_t root = start;
	for (;;) {
		size_t child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && a[child] < a[child + 1])
			child++;
		if (a[root] >= a[child])
			return;
		uint32_t t = a[root];
		a[root] = a[child];
		a[child] = t;
		root = child;
	}
}

#define SORT_N 16384

static uint32_t bench_sort(long rounds)
{
	static uint32_t a[SORT_N];
	const size_t n = SORT_N;
	uint32_t h = 0;
	int ok = 1;
	for (long r = 0; r < rounds; r++) {
		for (size_t i = 0; i < n; i++)
			a[i] = lcg();
		for (size_t i = n / 2; i-- > 0; )
			sift_down(a, i, n);
		for (size_t end = n; end-- > 1; ) {
			uint32_t t = a[0];
			a[0] = a[end];
			a[end] = t;
			sift_down(a, 0, end);
		}
		for (size_t i = 0; i < n; i++) {
			if (i && a[i - 1] > a[i])
				ok = 0;
			h = h * 31 + a[i];
		}
	}
	printf("sort:   %ld x %zu values, sorted=%s, last min=%08x max=%08x, hash=%08x\n",
	       rounds, n, ok ? "yes" : "NO", a[0], a[n - 1], h);
	return h;
}

/* -------------------------------------------------------------- crc32 */

static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t crc32_update(uint32_t c, const unsigned char *p, size_t n);

static uint32_t crc32(const unsigned char *p, size_t n)
{
	return crc32_update(0xFFFFFFFFu, p, n) ^ 0xFFFFFFFFu;
}

/* CRC-32 with an explicit running state, so several buffers chain into one. */
static uint32_t crc32_update(uint32_t c, const unsigned char *p, size_t n)
{
	while (n--)
		c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return c;
}

#define CRC_BUF (64 * 1024)

static uint32_t bench_crc(long rounds)
{
	static unsigned char buf[CRC_BUF];
	crc_init();
	/* Sanity check against the well-known CRC-32 of "123456789". */
	uint32_t check = crc32((const unsigned char *)"123456789", 9);
	for (size_t i = 0; i < CRC_BUF; i++)
		buf[i] = (unsigned char)(lcg() >> 24);
	uint32_t c = 0xFFFFFFFFu;
	for (long r = 0; r < rounds * 4; r++)
		c = crc32_update(c, buf, CRC_BUF);
	c ^= 0xFFFFFFFFu;
	printf("crc32:  %ld x %d bytes, check=%08x (%s), crc=%08x\n", rounds * 4, CRC_BUF, check,
	       check == 0xCBF43926u ? "ok" : "WRONG", c);
	return c;
}

/* ------------------------------------------------------------- matmul */

#define M 48

static uint32_t bench_matmul(long rounds)
{
	static uint32_t a[M * M], b[M * M], c[M * M];
	for (size_t i = 0; i < M * M; i++) {
		a[i] = lcg() & 0xffff;
		b[i] = lcg() & 0xffff;
	}
	uint32_t trace = 0, h = 0;
	for (long r = 0; r < rounds; r++) {
		for (size_t i = 0; i < M * M; i++)
			c[i] = 0;
		for (size_t i = 0; i < M; i++)
			for (size_t k = 0; k < M; k++) {
				uint32_t aik = a[i * M + k];
				for (size_t j = 0; j < M; j++)
					c[i * M + j] += aik * b[k * M + j];	/* wraps mod 2^32 */
			}
		for (size_t i = 0; i < M; i++)
			trace += c[i * M + i];
		for (size_t i = 0; i < M * M; i++)
			h = h * 31 + c[i];
		a[r % (M * M)] ^= c[0] & 0xffff;	/* make every round different */
	}
	printf("matmul: %ld x %dx%d, trace=%08x, hash=%08x\n", rounds, M, M, trace, h);
	return h;
}

#define DEFAULT_SCALE 400

int main(int argc, char **argv)
{
	long scale = DEFAULT_SCALE;
	if (argc > 1) {
		char *end;
		scale = strtol(argv[1], &end, 10);
		if (*end || scale < 1 || scale > 100000) {
			fprintf(stderr, "usage: cpubench [SCALE]   (1..100000, default %d)\n", DEFAULT_SCALE);
			return 2;
		}
	}
	lcg_state = 20240101;

	printf("cpubench scale=%ld\n", scale);
	uint32_t s = bench_sort(scale);
	uint32_t c = bench_crc(scale);
	uint32_t x = bench_matmul(scale);
	printf("checksum: %08x\n", s ^ (c * 3) ^ (x * 7));
	return 0;
}
