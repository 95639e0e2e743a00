/*
 * stdio-stress - 20 000 random stream operations on one "w+" file (fwrite,
 * fputc, fread, fgetc, ungetc, fprintf, fseek, ftell), following the C rule
 * of a seek between writing and reading; prints a hash of every result.
 * Must equal the glibc build's output.   usage: stdio-stress FILE [SEED]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static unsigned long long st;
static unsigned lcg(void) { st = st * 6364136223846793005ULL + 1442695040888963407ULL; return (unsigned)(st >> 33); }
static unsigned long long h;
static void mix(long v) { h = h * 1000003 + (unsigned long long)v; }
int main(int argc, char **argv) {
	const char *path = argc > 1 ? argv[1] : "/tmp/stdio-stress.dat";
	st = argc > 2 ? strtoull(argv[2], NULL, 10) : 5;
	FILE *f = fopen(path, "w+");
	if (!f) { perror("fopen"); return 1; }
	static unsigned char buf[20000];
	int last = 0; /* 1 = wrote, 2 = read */
	for (int op = 0; op < 20000; op++) {
		unsigned r = lcg() % 9;
		size_t n = lcg() % 6 == 0 ? lcg() % 12000 : lcg() % 100;
		int dir = (r <= 1 || r == 6) ? 1 : (r <= 4) ? 2 : 0;
		if (dir && last && dir != last) { mix(fseek(f, 0, SEEK_CUR)); }
		if (dir) last = dir;
		switch (r) {
		case 0: for (size_t k = 0; k < n; k++) buf[k] = (unsigned char)lcg(); mix((long)fwrite(buf, 1, n, f)); break;
		case 1: mix(fputc((int)(lcg() & 0xff), f)); break;
		case 2: { size_t got = fread(buf, 1, n, f); mix((long)got); for (size_t k = 0; k < got; k++) mix(buf[k]); mix(feof(f)); clearerr(f); break; }
		case 3: mix(fgetc(f)); clearerr(f); break;
		case 4: { int c = fgetc(f); mix(c); if (c != EOF) mix(ungetc(c, f)); clearerr(f); break; }
		case 5: { long len; fseek(f, 0, SEEK_END); len = ftell(f); mix(len); long pos = len ? (long)(lcg() % (unsigned)len) : 0; mix(fseek(f, pos, SEEK_SET)); mix(ftell(f)); last = 0; break; }
		case 6: mix(fprintf(f, "line %d %s\n", op, "xyz")); break;
		case 7: mix(ftell(f)); break;
		case 8: mix(fseek(f, -(long)(lcg() % 50), SEEK_CUR)); mix(ftell(f)); last = 0; break;
		}
	}
	fseek(f, 0, SEEK_END);
	mix(ftell(f));
	rewind(f);
	int c; long sum = 0; while ((c = fgetc(f)) != EOF) sum = sum * 31 + c;
	mix(sum);
	fclose(f);
	unlink(path);
	printf("%016llx\n", h);
	return 0;
}
