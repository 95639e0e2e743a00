/*
 * qsort.c - qsort (introsort-free quicksort with insertion sort for small
 * ranges and median-of-three pivots) and bsearch.
 * Not stable, as the standard allows. Recursion is on the smaller half, so
 * stack depth is O(log n).
 */
#include <stddef.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
	if (a == b)
		return;
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
			swap_bytes(base + (j - 1) * size, base + j * size, size);
}

void qsort(void *base_, size_t n, size_t size, cmp_fn cmp)
{
	char *base = base_;
	while (n > 12) {
		char *lo = base, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;
		/* median of three, left in mid */
		if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
		if (cmp(hi, mid) < 0) {
			swap_bytes(hi, mid, size);
			if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
		}
		/* move the pivot to the front, then Hoare partition */
		swap_bytes(base, mid, size);
		size_t i = 0, j = n;
		for (;;) {
			do i++; while (i < n && cmp(base + i * size, base) < 0);
			do j--; while (cmp(base + j * size, base) > 0);
			if (i >= j)
				break;
			swap_bytes(base + i * size, base + j * size, size);
		}
		swap_bytes(base, base + j * size, size);
		/* [0, j) <= pivot, j is the pivot, (j, n) >= pivot */
		size_t left = j, right = n - j - 1;
		if (left < right) {
			qsort(base, left, size, cmp);
			base += (j + 1) * size;
			n = right;
		} else {
			qsort(base + (j + 1) * size, right, size, cmp);
			n = left;
		}
	}
	insertion_sort(base, n, size, cmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size, cmp_fn cmp)
{
	const char *lo = base;
	while (n > 0) {
		const char *mid = lo + (n / 2) * size;
		int c = cmp(key, mid);
		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
