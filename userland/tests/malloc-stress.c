/*
 * malloc-stress - 200 000 random malloc/free/realloc operations on 1000
 * slots, checking every block's contents and alignment before it is touched
 * again. Prints "bad=0 big=ok" when the allocator is sound.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long st = 99;
static unsigned lcg(void)
{
	st = st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(st >> 33);
}

#define N 1000
static unsigned char *p[N];
static size_t len[N];
static unsigned char tag[N];

static int intact(int i)
{
	for (size_t k = 0; k < len[i]; k++)
		if (p[i][k] != (unsigned char)(tag[i] + k))
			return 0;
	return 1;
}

static void fill(int i)
{
	for (size_t k = 0; k < len[i]; k++)
		p[i][k] = (unsigned char)(tag[i] + k);
}

int main(void)
{
	int bad = 0;
	for (int op = 0; op < 200000; op++) {
		int i = (int)(lcg() % N);
		unsigned r = lcg() % 10;
		size_t sz = (lcg() % 8 == 0) ? lcg() % 70000 : lcg() % 300;
		if (p[i] && !intact(i))
			bad++;
		if (r < 4) {	/* replace */
			free(p[i]);
			p[i] = malloc(sz);
			len[i] = sz;
			tag[i] = (unsigned char)lcg();
			if ((!p[i] && sz) || ((uintptr_t)p[i] & 15))
				bad++;
			fill(i);
		} else if (r < 7) {	/* free */
			free(p[i]);
			p[i] = NULL;
			len[i] = 0;
		} else {	/* resize: the common prefix must survive */
			unsigned char *q = realloc(p[i], sz);
			if (!q && sz) {
				bad++;
				continue;
			}
			size_t keep = len[i] < sz ? len[i] : sz;
			for (size_t k = 0; k < keep; k++)
				if (q[k] != (unsigned char)(tag[i] + k)) {
					bad++;
					break;
				}
			p[i] = sz ? q : NULL;
			len[i] = sz;
			fill(i);
		}
	}
	for (int i = 0; i < N; i++) {
		if (p[i] && !intact(i))
			bad++;
		free(p[i]);
	}
	void *big = malloc(50 << 20);	/* the freed heap must coalesce or grow */
	printf("bad=%d big=%s\n", bad, big ? "ok" : "NULL");
	return bad != 0;
}
