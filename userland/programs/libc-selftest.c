/*
 * libc-selftest - exercise the C library and print what it does.
 *
 * Everything printed is deterministic and uses only standard behaviour, so
 * the same source compiled on a host against glibc must print the same text
 * (check.sh diffs the two). Self-checks print "FAIL ..." lines; the exit
 * status is the number of failed checks (0 = all good).
 *
 * System calls used: write, brk (and mmap only if brk cannot grow), exit_group.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks, failures;

#define CHECK(cond) check((cond), #cond, __LINE__)
static void check(int ok, const char *what, int line)
{
	checks++;
	if (!ok) {
		failures++;
		printf("FAIL line %d: %s\n", line, what);
	}
}

static int sign(int x) { return (x > 0) - (x < 0); }

/* A tiny LCG of our own, so host and target see the same "random" data. */
static unsigned long long lcg_state = 12345;
static unsigned lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(lcg_state >> 33);
}

/* ------------------------------------------------------------- printf */

static void show(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	printf("%-14s -> [%s] (%d)\n", fmt, buf, n);
}

static void test_printf(void)
{
	printf("== printf: integers\n");
	show("%d", 0);
	show("%d", 42);
	show("%d", -42);
	show("%d", INT_MAX);
	show("%d", INT_MIN);
	show("%i", 123);
	show("%5d|%-5d|%05d", 42, 42, 42);
	show("%+d % d %+d", 5, 5, -5);
	show("% 05d|%+05d", 7, -7);
	show("%.3d", 7);
	show("%.0d", 0);
	show("%5.0d|", 0);
	show("%-8.3d|", -5);
	show("%08.3d", 5);
	show("%u", 4294967295u);
	show("%lu", ULONG_MAX);
	show("%llu", ULLONG_MAX);
	show("%ld", LONG_MIN);
	show("%lld", LLONG_MIN);
	show("%lx", 0xdeadbeefcafeUL);
	show("%zu %zd", sizeof(long), (ptrdiff_t)-3);
	show("%jd %td", (intmax_t)-9, (ptrdiff_t)77);
	show("%hhd %hd", 300, 70000);
	show("%hhu %hu", -1, -1);
	show("%x %X %o", 255, 255, 8);
	show("%#x %#X %#o", 255, 255, 8);
	show("%#x %#o %#.0o", 0, 0, 0);
	show("%.0x|%.0o|", 0, 0);
	show("%#.5x", 0x1f);
	show("%#10x|%#-10x|%#010x", 0xab, 0xab, 0xab);
	show("%8.4x|", 0x12);
	show("%*d|%-*d|", 8, 42, 8, 42);
	show("%*d|", -8, 42);
	show("%.*d|%.*d", 5, 42, -1, 42);
	show("%%|%5s%%", "a");

	printf("== printf: chars, strings, pointers\n");
	show("%c%c%c", 'a', 'b', 'c');
	show("%5c|%-5c|", 'x', 'y');
	show("%s", "hello");
	show("%10s|%-10s|", "hi", "hi");
	show("%.3s|%10.3s|%-10.3s|", "abcdef", "abcdef", "abcdef");
	show("%.*s", 2, "xyz");
	show("[%s]", (char *)NULL);
	show("%p", (void *)0);
	show("%p", (void *)0x1234);
	show("%20p|%-20p|", (void *)0xabcdef, (void *)0xabcdef);

	printf("== printf: floating point\n");
	show("%f", 3.14159);
	show("%f", 0.0);
	show("%f", -0.0);
	show("%.2f", 2.675);
	show("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5);
	show("%.1f %.1f", 0.25, 0.35);
	show("%10.3f|%-10.3f|", -3.14159, -3.14159);
	show("%+.1f|% .1f|%010.2f", 2.5, 2.5, -3.14159);
	show("%5.1f", 9.96);
	show("%#.0f", 3.0);
	show("%.20f", 0.1);
	show("%f", 1e300);
	show("%.3f", 1e-10);
	show("%f", 123456789.125);
	show("%e", 12345.678);
	show("%E", 0.000123);
	show("%.3e", 0.0);
	show("%.0e", 5e10);
	show("%e", 1e-300);
	show("%12.4e|%-12.4e|", 6.02214076e23, -1.602e-19);
	show("%g", 0.0001);
	show("%g", 0.00001);
	show("%g", 123456.0);
	show("%g", 1234567.0);
	show("%g", 100.0);
	show("%g", 0.0);
	show("%#g", 1.0);
	show("%G", 1e-20);
	show("%.15g", 0.1);
	show("%.17g", 0.1);
	show("%.3g", 999.9);
	show("%g", 4.9406564584124654e-324);
	show("%g", 1.7976931348623157e308);
	show("%f %F", __builtin_inf(), -__builtin_inf());
	show("%e %G", __builtin_nan(""), -__builtin_nan(""));
	show("%08f|%-8f|", __builtin_inf(), __builtin_inf());

	printf("== snprintf\n");
	char buf[16];
	int n = snprintf(buf, 5, "%s", "hello world");
	printf("snprintf(5, hello world) = %d [%s]\n", n, buf);
	CHECK(n == 11 && strcmp(buf, "hell") == 0);
	n = snprintf(NULL, 0, "%d", 12345);
	printf("snprintf(NULL, 0, 12345) = %d\n", n);
	CHECK(n == 5);
	n = snprintf(buf, 1, "abc");
	CHECK(n == 3 && buf[0] == '\0');
	n = sprintf(buf, "%d-%s", 7, "x");
	CHECK(n == 3 && strcmp(buf, "7-x") == 0);
	int count = -1;
	printf("abc%n", &count);
	printf(" <- %%n stored %d\n", count);
	CHECK(count == 3);
}

/* ------------------------------------------------------------- strings */

static void test_strings(void)
{
	printf("== string.h\n");
	char a[64], b[64];
	printf("strlen: %zu %zu\n", strlen(""), strlen("hello"));
	printf("strcmp: %d %d %d %d\n", sign(strcmp("abc", "abc")), sign(strcmp("abc", "abd")),
	       sign(strcmp("abd", "abc")), sign(strcmp("ab", "abc")));
	printf("strcmp high bytes: %d\n", sign(strcmp("\xff", "a")));
	printf("strncmp: %d %d\n", sign(strncmp("abcX", "abcY", 3)), sign(strncmp("abcX", "abcY", 4)));

	strcpy(a, "hello");
	strcat(a, ", world");
	printf("strcpy+strcat: [%s]\n", a);
	strncat(a, "!!!???", 3);
	printf("strncat: [%s]\n", a);
	memset(b, 'Z', sizeof b);
	strncpy(b, "abc", 6);
	printf("strncpy pads: %d %d %d %c\n", b[3], b[4], b[5], b[6]);
	strncpy(b, "XYZdef", 3);	/* copies exactly 3 bytes, no NUL: b[3] keeps its 0 */
	printf("strncpy no NUL: %c%c%c %d\n", b[0], b[1], b[2], b[3]);

	const char *s = "a/b/c.txt";
	printf("strchr: %td strrchr: %td strchr(NUL): %td\n", strchr(s, '/') - s,
	       strrchr(s, '/') - s, strchr(s, '\0') - s);
	CHECK(strchr(s, 'z') == NULL && strrchr(s, 'z') == NULL);
	printf("strstr: %td %d %d\n", strstr(s, "c.t") - s, strstr(s, "") == s, strstr(s, "xyz") == NULL);
	printf("strspn: %zu strcspn: %zu\n", strspn("aabbcx", "abc"), strcspn("hello, world", ", "));

	char *d = strdup("duplicate me");
	printf("strdup: [%s]\n", d);
	CHECK(d != NULL && strcmp(d, "duplicate me") == 0);
	free(d);

	strcpy(a, "0123456789");
	memmove(a + 2, a, 5);
	printf("memmove right: %s\n", a);
	strcpy(a, "0123456789");
	memmove(a, a + 2, 5);
	printf("memmove left: %s\n", a);
	memset(a, '-', 4);
	printf("memset: %s\n", a);
	printf("memcmp: %d %d %d\n", sign(memcmp("ab\0c", "ab\0d", 4)), sign(memcmp("abc", "abc", 3)),
	       sign(memcmp("\x80", "\x01", 1)));
	printf("memchr: %td\n", (char *)memchr("hello", 'l', 5) - "hello");

	char text[] = "  one two,,three ";
	printf("strtok:");
	for (char *t = strtok(text, " ,"); t; t = strtok(NULL, " ,"))
		printf(" [%s]", t);
	printf("\n");

	printf("strerror: %s | %s | %s\n", strerror(ENOENT), strerror(EINVAL), strerror(EACCES));

	/* Unaligned and odd-length copies around the word-at-a-time path. */
	unsigned char src[100], dst[100];
	for (int i = 0; i < 100; i++)
		src[i] = (unsigned char)(i * 7 + 1);
	int bad = 0;
	for (int off = 0; off < 9; off++)
		for (int len = 0; len < 40; len++) {
			memset(dst, 0, sizeof dst);
			memcpy(dst + off, src + 1, (size_t)len);
			for (int i = 0; i < 100; i++) {
				unsigned char want = (i >= off && i < off + len) ? src[1 + i - off] : 0;
				bad += dst[i] != want;
			}
		}
	printf("memcpy sweep: %d bad bytes\n", bad);
	CHECK(bad == 0);
}

/* ------------------------------------------------------------- malloc */

static void fill(unsigned char *p, size_t n, unsigned tag)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(tag + i);
}

static int intact(const unsigned char *p, size_t n, unsigned tag)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(tag + i))
			return 0;
	return 1;
}

static void test_malloc(void)
{
	printf("== malloc\n");
	enum { N = 200 };
	unsigned char *ptr[N];
	size_t len[N];
	int misaligned = 0, corrupt = 0;

	for (int i = 0; i < N; i++) {
		len[i] = lcg() % 3000 + 1;
		ptr[i] = malloc(len[i]);
		CHECK(ptr[i] != NULL);
		misaligned += ((uintptr_t)ptr[i] & 15) != 0;
		fill(ptr[i], len[i], (unsigned)i);
	}
	/* free every third, then refill the holes with other sizes */
	for (int i = 0; i < N; i += 3) {
		free(ptr[i]);
		ptr[i] = NULL;
	}
	for (int i = 0; i < N; i += 3) {
		len[i] = lcg() % 500 + 1;
		ptr[i] = malloc(len[i]);
		misaligned += ((uintptr_t)ptr[i] & 15) != 0;
		fill(ptr[i], len[i], (unsigned)i);
	}
	/* grow and shrink with realloc: the prefix must survive */
	for (int i = 1; i < N; i += 4) {
		size_t old = len[i];
		size_t nl = (i & 8) ? old * 3 : old / 2 + 1;
		unsigned char *q = realloc(ptr[i], nl);
		CHECK(q != NULL);
		corrupt += !intact(q, old < nl ? old : nl, (unsigned)i);
		ptr[i] = q;
		len[i] = nl;
		fill(q, nl, (unsigned)i);
	}
	for (int i = 0; i < N; i++)
		corrupt += !intact(ptr[i], len[i], (unsigned)i);
	printf("allocations: %d, misaligned: %d, corrupted: %d\n", N, misaligned, corrupt);
	CHECK(misaligned == 0 && corrupt == 0);

	/* free in a scrambled order, then one big block must fit */
	for (int i = 0; i < N; i++) {
		int j = (int)(lcg() % N);
		free(ptr[j]);
		ptr[j] = NULL;
	}
	for (int i = 0; i < N; i++)
		free(ptr[i]);

	unsigned char *big = malloc(1 << 20);
	CHECK(big != NULL);
	fill(big, 1 << 20, 99);
	CHECK(intact(big, 1 << 20, 99));
	free(big);

	int *z = calloc(1000, sizeof *z);
	int nonzero = 0;
	for (int i = 0; i < 1000; i++)
		nonzero += z[i] != 0;
	printf("calloc: %d nonzero\n", nonzero);
	CHECK(z && nonzero == 0);
	free(z);

	errno = 0;
	void *huge = calloc(SIZE_MAX / 2, 4);
	printf("calloc overflow: %s, errno ENOMEM: %d\n", huge ? "non-NULL" : "NULL", errno == ENOMEM);
	CHECK(huge == NULL);
	CHECK(malloc(SIZE_MAX) == NULL);

	char *r = realloc(NULL, 10);
	strcpy(r, "realloc");
	r = realloc(r, 100000);
	printf("realloc(NULL)/grow: [%s]\n", r);
	free(r);
	free(NULL);

	/* many small alloc/free cycles must not grow the heap without bound */
	for (int round = 0; round < 10000; round++) {
		void *p = malloc((size_t)(round % 64) + 1);
		void *q = malloc(128);
		free(p);
		free(q);
	}
	printf("malloc churn: ok\n");
}

/* --------------------------------------------------------- qsort etc. */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int sorted(const int *v, int n)
{
	for (int i = 1; i < n; i++)
		if (v[i - 1] > v[i])
			return 0;
	return 1;
}

static void test_qsort(void)
{
	printf("== qsort/bsearch\n");
	enum { N = 5000 };
	static int v[N];
	unsigned long long sum = 0;
	for (int i = 0; i < N; i++) {
		v[i] = (int)(lcg() % 100000) - 50000;
		sum += (unsigned)v[i];
	}
	qsort(v, N, sizeof v[0], cmp_int);
	unsigned long long sum2 = 0, weighted = 0;
	for (int i = 0; i < N; i++) {
		sum2 += (unsigned)v[i];
		weighted = weighted * 31 + (unsigned)v[i];
	}
	printf("random: sorted=%d sum-kept=%d min=%d max=%d hash=%llx\n", sorted(v, N), sum == sum2,
	       v[0], v[N - 1], weighted);
	CHECK(sorted(v, N) && sum == sum2);

	int key = v[1234];
	int *hit = bsearch(&key, v, N, sizeof v[0], cmp_int);
	CHECK(hit && *hit == key);
	key = 1000000;
	CHECK(bsearch(&key, v, N, sizeof v[0], cmp_int) == NULL);

	for (int i = 0; i < N; i++) v[i] = N - i;	/* reversed */
	qsort(v, N, sizeof v[0], cmp_int);
	CHECK(sorted(v, N) && v[0] == 1);
	for (int i = 0; i < N; i++) v[i] = 7;	/* all equal */
	qsort(v, N, sizeof v[0], cmp_int);
	CHECK(sorted(v, N));
	for (int i = 0; i < N; i++) v[i] = i % 3;	/* few distinct */
	qsort(v, N, sizeof v[0], cmp_int);
	CHECK(sorted(v, N));
	qsort(v, 0, sizeof v[0], cmp_int);
	qsort(v, 1, sizeof v[0], cmp_int);

	const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date", "apple" };
	int nw = (int)(sizeof words / sizeof words[0]);
	qsort(words, (size_t)nw, sizeof words[0], cmp_str);
	printf("strings:");
	for (int i = 0; i < nw; i++)
		printf(" %s", words[i]);
	printf("\n");
	const char *want = "fig";
	const char **found = bsearch(&want, words, (size_t)nw, sizeof words[0], cmp_str);
	printf("bsearch(fig): index %td\n", found ? found - words : -1);
}

/* -------------------------------------------------------- conversions */

static void show_strtol(const char *s, int base)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, errno=%s, end=+%td\n", s, base, v,
	       errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : errno ? "?" : "0", end - s);
}

static void show_strtoul(const char *s, int base)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, base);
	printf("strtoul(\"%s\", %d) = %lu, errno=%s, end=+%td\n", s, base, v,
	       errno == ERANGE ? "ERANGE" : errno ? "?" : "0", end - s);
}

static void test_conversions(void)
{
	printf("== strtol & friends\n");
	show_strtol("0", 10);
	show_strtol("123abc", 10);
	show_strtol("  -42", 10);
	show_strtol("+7", 10);
	show_strtol("\t\n 99", 0);
	show_strtol("0x1F", 0);
	show_strtol("0x1F", 16);
	show_strtol("1F", 16);
	show_strtol("0x", 16);
	show_strtol("0xg", 0);
	show_strtol("077", 0);
	show_strtol("09", 0);
	show_strtol("z", 36);
	show_strtol("Zz", 36);
	show_strtol("101", 2);
	show_strtol("9223372036854775807", 10);
	show_strtol("9223372036854775808", 10);
	show_strtol("-9223372036854775808", 10);
	show_strtol("-9223372036854775809", 10);
	show_strtol("99999999999999999999999", 10);
	show_strtol("", 10);
	show_strtol("   ", 10);
	show_strtol("-", 10);
	show_strtol("+-1", 10);
	show_strtoul("-1", 10);
	show_strtoul("18446744073709551615", 10);
	show_strtoul("18446744073709551616", 10);
	show_strtoul("0xffffffffffffffff", 0);
	errno = 0;
	long v = strtol("12", NULL, 1);
	printf("strtol base 1: %ld errno EINVAL=%d\n", v, errno == EINVAL);
	char *end;
	long long ll = strtoll("-123456789012", &end, 10);
	printf("strtoll: %lld\n", ll);
	printf("atoi: %d %d %d atol: %ld\n", atoi("  12abc"), atoi("-0"), atoi("x"), atol("-2147483649"));
	printf("abs: %d %ld %lld\n", abs(-5), labs(-6L), llabs(-7LL));
	div_t dv = div(-7, 2);
	ldiv_t ld = ldiv(7L, -2L);
	printf("div: %d %d ldiv: %ld %ld\n", dv.quot, dv.rem, ld.quot, ld.rem);
}

/* ------------------------------------------------------- ctype, env */

static void test_ctype_env(void)
{
	printf("== ctype\n");
	int counts[12] = { 0 };
	for (int c = 0; c < 128; c++) {
		counts[0] += !!isalnum(c);
		counts[1] += !!isalpha(c);
		counts[2] += !!iscntrl(c);
		counts[3] += !!isdigit(c);
		counts[4] += !!isgraph(c);
		counts[5] += !!islower(c);
		counts[6] += !!isprint(c);
		counts[7] += !!ispunct(c);
		counts[8] += !!isspace(c);
		counts[9] += !!isupper(c);
		counts[10] += !!isxdigit(c);
		counts[11] += !!isblank(c);
	}
	printf("alnum %d alpha %d cntrl %d digit %d graph %d lower %d print %d punct %d "
	       "space %d upper %d xdigit %d blank %d\n", counts[0], counts[1], counts[2], counts[3],
	       counts[4], counts[5], counts[6], counts[7], counts[8], counts[9], counts[10], counts[11]);
	printf("toupper/tolower: %c%c%c %c%c%c\n", toupper('a'), toupper('Z'), toupper('1'),
	       tolower('A'), tolower('z'), tolower('!'));
	printf("isspace(EOF)=%d isalpha(EOF)=%d\n", !!isspace(EOF), !!isalpha(EOF));

	printf("== environment\n");
	printf("getenv(TS_SELFTEST_UNSET) = %s\n", getenv("TS_SELFTEST_UNSET") ? "set" : "NULL");
	CHECK(setenv("TS_SELFTEST", "one", 1) == 0);
	printf("after setenv: %s\n", getenv("TS_SELFTEST"));
	setenv("TS_SELFTEST", "two", 0);
	printf("no overwrite: %s\n", getenv("TS_SELFTEST"));
	setenv("TS_SELFTEST", "three", 1);
	printf("overwrite: %s\n", getenv("TS_SELFTEST"));
	unsetenv("TS_SELFTEST");
	printf("after unsetenv: %s\n", getenv("TS_SELFTEST") ? "set" : "NULL");
	errno = 0;
	int r = setenv("A=B", "x", 1);
	printf("setenv(\"A=B\") = %d errno EINVAL=%d\n", r, errno == EINVAL);
}

/* ------------------------------------------------------------- strtod */

static unsigned long long bits_of(double d)
{
	unsigned long long b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static void show_strtod(const char *s)
{
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	printf("strtod(\"%s\") = %.17g [%016llx] errno=%s end=+%td\n", s, d, bits_of(d),
	       errno == ERANGE ? "ERANGE" : errno ? "?" : "0", end - s);
}

static void test_strtod(void)
{
	printf("== strtod\n");
	const char *cases[] = {
		"0", "-0", "1", "  +1.5", "3.14159", ".5", "5.", ".", "-.e1", "1e", "1e+", "2.5e-3x",
		"0.1", "0.2", "0.3", "1e23", "8.988465674311579e307", "1.7976931348623157e308",
		"1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e400",
		"2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
		"9007199254740993", "9007199254740992.5", "9007199254740993.0000000001",
		"123456789012345678901234567890", "0.000000000000000000000000000001234",
		"1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126",
		"inf", "-Infinity", "nan", "NaN(123)x", "infx", "in",
		"0x1p0", "0x1.8p1", "0X.8", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p0",
		"0x1.00000000000008p0", "0x1.00000000000018p0", "0x1p1024", "0x", "0x.p1",
		"000000000000000000000000000000000000000012.5e-1",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		show_strtod(cases[i]);

	/* Random decimal strings: a hash of all result bits. (Kept small: this
	 * program must also run quickly on a simulated CPU.) */
	unsigned long long h = 0;
	char buf[64];
	for (int i = 0; i < 300; i++) {
		int nd = (int)(lcg() % 25) + 1, n = 0;
		for (int k = 0; k < nd; k++) {
			if (k == nd / 2)
				buf[n++] = '.';
			buf[n++] = (char)('0' + lcg() % 10);
		}
		n += snprintf(buf + n, sizeof buf - (size_t)n, "e%d", (int)(lcg() % 700) - 350);
		h = h * 1000003 + bits_of(strtod(buf, NULL));
	}
	printf("strtod random 300: hash %016llx\n", h);
	/* and printf %.17g must round-trip through strtod */
	int bad = 0;
	for (int i = 0; i < 300; i++) {
		unsigned long long b = ((unsigned long long)lcg() << 32 | lcg()) & 0x7fefffffffffffffULL;
		double d;
		memcpy(&d, &b, sizeof d);
		snprintf(buf, sizeof buf, "%.17g", d);
		bad += bits_of(strtod(buf, NULL)) != b;
	}
	printf("printf/strtod round trip: %d mismatches\n", bad);
	CHECK(bad == 0);
	printf("atof: %g\n", atof("  -12.5e1xyz"));
}

/* -------------------------------------------------------------- sscanf */

static void test_sscanf(void)
{
	printf("== sscanf\n");
	int a = -1, b = -1, c = -1, d = -1, r;
	r = sscanf("42 -17 0x1f 077", "%d %d %x %o", &a, &b, &c, &d);
	printf("%%d %%d %%x %%o: r=%d %d %d %d %d\n", r, a, b, c, d);
	r = sscanf("0x10 010 10 -0x10", "%i %i %i %i", &a, &b, &c, &d);
	printf("%%i x4: r=%d %d %d %d %d\n", r, a, b, c, d);
	char s1[32] = "", s2[32] = "", s3[32] = "";
	r = sscanf("abcdefgh ijk", "%5s%s", s1, s2);
	printf("%%5s%%s: r=%d [%s] [%s]\n", r, s1, s2);
	char ch[8] = { 0 };
	r = sscanf("ab cde", "%c%c%3c", &ch[0], &ch[1], &ch[2]);
	printf("%%c%%c%%3c: r=%d [%s]\n", r, ch);
	memset(s1, 0, sizeof s1);
	r = sscanf("hello WORLD,5", "%[a-z]%[^,],%d", s1, s2, &a);
	printf("scansets: r=%d [%s] [%s] %d\n", r, s1, s2, a);
	r = sscanf("]a]b", "%[]a]", s3);
	printf("%%[]a]: r=%d [%s]\n", r, s3);
	float f = 0;
	double x = 0, y = 0, z = 0;
	r = sscanf("3.5 -2.25e3 1e-2 inf", "%f %lf %le %lg", &f, &x, &y, &z);
	printf("floats: r=%d %g %g %g %g\n", r, (double)f, x, y, z);
	r = sscanf("3.14159", "%5lf", &x);
	printf("%%5lf: r=%d %.10g\n", r, x);
	r = sscanf("1e5x 2.", "%lf%*c %lf", &x, &y);
	printf("1e5x 2.: r=%d %g %g\n", r, x, y);
	int n1 = -1, n2 = -1;
	r = sscanf("1 2 3", "%d%n %*d %d%n", &a, &n1, &b, &n2);
	printf("%%n and %%*d: r=%d a=%d n1=%d b=%d n2=%d\n", r, a, n1, b, n2);
	signed char hh = 0;
	short h = 0;
	long l = 0;
	long long ll = 0;
	unsigned long long ull = 0;
	r = sscanf("300 70000 -5 9223372036854775807 18446744073709551615", "%hhd %hd %ld %lld %llu",
	           &hh, &h, &l, &ll, &ull);
	printf("sizes: r=%d %d %d %ld %lld %llu\n", r, hh, h, l, ll, ull);
	a = b = -1;
	r = sscanf("1;2", "%d,%d", &a, &b);
	printf("mismatch: r=%d %d %d\n", r, a, b);
	printf("empty: %d, blank: %d, letters: %d\n", sscanf("", "%d", &a), sscanf("   ", "%d", &a),
	       sscanf("abc", "%d", &a));
	r = sscanf("12345", "%3d%d", &a, &b);
	printf("%%3d%%d: r=%d %d %d\n", r, a, b);
	r = sscanf("x5y %7", "x%dy %%%d", &a, &b);
	printf("literals: r=%d %d %d\n", r, a, b);
	r = sscanf("one", "%s %s", s1, s2);
	printf("input ends: r=%d [%s]\n", r, s1);
	void *p = NULL;
	r = sscanf("0x1234", "%p", &p);
	printf("%%p: r=%d %p\n", r, p);
	unsigned u = 0;
	r = sscanf("-1", "%u", &u);
	printf("%%u of -1: r=%d %u\n", r, u);
	r = sscanf("  +", "%d", &a);
	printf("lone sign: r=%d\n", r);
}

/* ---------------------------------------------------------------- math */

static void test_math(void)
{
	printf("== math.h (exact functions)\n");
	const double v[] = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
	                     1e300, -1e-300, 4503599627370495.5, 123.456, -123.456,
	                     4.9406564584124654e-324, __builtin_inf(), -__builtin_inf() };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		double x = v[i];
		printf("x=%-24.17g floor=%g ceil=%g trunc=%g round=%g fabs=%g sqrt=%.17g\n", x, floor(x),
		       ceil(x), trunc(x), round(x), fabs(x), sqrt(fabs(x)));
	}
	const double fm[][2] = { { 5.5, 2 }, { -5.5, 2 }, { 5.5, -2 }, { 1e300, 3.0 }, { 0.1, 0.03 },
	                         { 1e-310, 3e-320 }, { 7, 7 }, { -0.0, 1 }, { 3, __builtin_inf() } };
	for (size_t i = 0; i < sizeof fm / sizeof fm[0]; i++)
		printf("fmod(%g, %g) = %.17g\n", fm[i][0], fm[i][1], fmod(fm[i][0], fm[i][1]));
	printf("fmod(1, 0) is nan: %d\n", isnan(fmod(1, 0)));
	const int ex[] = { 0, 1, -1, 1023, 1024, -1022, -1074, -1075, 2000, -2000 };
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++)
		printf("ldexp(1.5, %d) = %.17g, ldexp(3e-300, %d) = %.17g\n", ex[i], ldexp(1.5, ex[i]),
		       ex[i], ldexp(3e-300, ex[i]));
	printf("fmin/fmax: %g %g %g %g\n", fmin(1, 2), fmax(1, 2), fmin(__builtin_nan(""), 3),
	       fmax(-0.0, 0.0));
	printf("copysign: %g %g, isinf %d, isfinite %d, signbit %d\n", copysign(3, -0.0),
	       copysign(-3, 1), isinf(HUGE_VAL), isfinite(1.0), signbit(-0.0) != 0);
}

/* ------------------------------------------------ compiler runtime */

/* Opaque to the optimiser, so the operations really happen at run time. */
static __int128 launder(__int128 x)
{
	__asm__ volatile("" : "+m"(x));
	return x;
}

static void show128(const char *what, unsigned __int128 v)
{
	printf("%-22s %016llx%016llx\n", what, (unsigned long long)(v >> 64), (unsigned long long)v);
}

static void test_runtime(void)
{
	printf("== 128-bit and conversion helpers\n");
	unsigned __int128 a = launder(((unsigned __int128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL);
	unsigned __int128 b = launder(0x00000000deadbeefULL);
	unsigned __int128 c = launder(((unsigned __int128)0x1ULL << 64) | 0x1234ULL);
	show128("a*b", a * b);
	show128("a/b", a / b);
	show128("a%b", a % b);
	show128("a/c", a / c);
	show128("a%c", a % c);
	__int128 n = -launder((__int128)a);
	show128("-a/b", (unsigned __int128)(n / (__int128)b));
	show128("-a%b", (unsigned __int128)(n % (__int128)b));
	show128("-a/-c", (unsigned __int128)(n / -(__int128)c));
	volatile double d = 1.2345678901234567e30, e = -9.87654321e25;
	show128("(u128)1.23e30", (unsigned __int128)d);
	show128("(i128)-9.87e25", (unsigned __int128)(__int128)e);
	printf("(double)a = %.17g\n", (double)a);
	printf("(double)-a = %.17g\n", (double)n);
	printf("(double)(2^64+1) = %.17g\n", (double)launder(((__int128)1 << 64) | 1));
	/* rounding ties: 2^65 + 2^12 is exactly halfway (to even: down), +1 is above */
	printf("(double)(2^65+2^12) = %.17g\n", (double)launder(((__int128)1 << 65) + 4096));
	printf("(double)(2^65+2^12+1) = %.17g\n", (double)launder(((__int128)1 << 65) + 4097));
	volatile int p = 10, m = -3;
	printf("powi: %.17g %.17g\n", __builtin_powi(1.5, p), __builtin_powi(2.0, m));
	unsigned __int128 zero = launder(0);
	CHECK(a / (zero + 1) == a);
}

/* ------------------------------------------------------------- atexit */

static void bye1(void) { printf("atexit handler 1 (registered first, runs last)\n"); }
static void bye2(void) { printf("atexit handler 2\n"); }
static void bye3(void) { printf("atexit handler 3 (registered last, runs first)\n"); }

int main(void)
{
	atexit(bye1);
	atexit(bye2);
	atexit(bye3);

	test_printf();
	test_strings();
	test_malloc();
	test_qsort();
	test_conversions();
	test_ctype_env();
	test_runtime();
	test_strtod();
	test_sscanf();
	test_math();

	printf("== result\n");
	if (failures)
		printf("selftest: %d of %d checks FAILED\n", failures, checks);
	else
		printf("selftest: all %d checks passed\n", checks);
	return failures;	/* atexit handlers run after this */
}
