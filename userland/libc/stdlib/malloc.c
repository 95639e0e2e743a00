/*
 * malloc.c - a first-fit, address-ordered free-list allocator on brk.
 *
 * Heap layout: the heap is one or more "arenas", each a contiguous run of
 * blocks obtained from the kernel (sbrk, or mmap if brk cannot grow). Every
 * block starts with a 16-byte header:
 *
 *     +----------------+----------------+---------------------------+
 *     | size (8 bytes) | next / magic   | payload (size - 16 bytes) |
 *     +----------------+----------------+---------------------------+
 *     ^ block                           ^ pointer returned by malloc
 *
 *   size   total bytes of the block, header included; always a multiple
 *          of 16 and >= MIN_BLOCK. Payloads are therefore 16-byte aligned.
 *   next   for a FREE block: the next free block in address order, or NULL.
 *          for a USED block: the constant USED_MAGIC, so free() can detect
 *          double frees and wild pointers and abort loudly.
 *
 * Invariants:
 *   - free_list is sorted by address, and no two free blocks are adjacent
 *     in memory (free() merges neighbours), so fragmentation stays bounded.
 *   - Every block lies entirely inside one arena; two blocks are merged only
 *     if one ends exactly where the other starts.
 * Memory is never returned to the kernel.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct block {
	size_t size;
	struct block *next;
};

#define HDR sizeof(struct block)	/* 16 */
#define ALIGN 16
#define MIN_BLOCK (HDR + ALIGN)	/* smallest block worth splitting off */
#define ARENA_MIN (64 * 1024)	/* grow the heap at least this much at once */
#define USED_MAGIC ((struct block *)0x5553454455534544UL)	/* "DESUDESU" */

static struct block *free_list;

static void heap_corrupt(const char *what, void *p)
{
	fprintf(stderr, "malloc: %s (%p)\n", what, p);
	abort();
}

/* Put block b into the address-ordered free list, merging with neighbours. */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *cur = free_list;
	while (cur && cur < b) {
		prev = cur;
		cur = cur->next;
	}
	if (cur == b || (prev && (char *)prev + prev->size > (char *)b) ||
	    (cur && (char *)b + b->size > (char *)cur))
		heap_corrupt("double free or overlapping block", (char *)b + HDR);

	/* merge with the following block? */
	if (cur && (char *)b + b->size == (char *)cur) {
		b->size += cur->size;
		b->next = cur->next;
	} else {
		b->next = cur;
	}
	/* merge with the preceding block? */
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		free_list = b;
	}
}

/* Get at least `need` bytes of fresh memory from the kernel as a free block. */
static int grow_heap(size_t need)
{
	size_t len = need < ARENA_MIN ? ARENA_MIN : (need + 4095) & ~(size_t)4095;
	char *p = sbrk(0);
	/* Keep the arena 16-byte aligned (the initial break may not be). */
	size_t pad = (ALIGN - ((uintptr_t)p & (ALIGN - 1))) & (ALIGN - 1);
	p = sbrk((long)(len + pad));
	if (p == (void *)-1) {
		p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		pad = 0;
	}
	struct block *b = (struct block *)(p + pad);
	b->size = len;
	insert_free(b);
	return 0;
}

/* Bytes of block needed for a payload of n bytes, or 0 on overflow. */
static size_t block_size(size_t n)
{
	if (n > SIZE_MAX / 2)
		return 0;
	size_t s = (n + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	return s < MIN_BLOCK ? MIN_BLOCK : s;
}

/* If block b is at least `size` + MIN_BLOCK bytes, give the tail back. */
static void split(struct block *b, size_t size)
{
	if (b->size >= size + MIN_BLOCK) {
		struct block *rest = (struct block *)((char *)b + size);
		rest->size = b->size - size;
		b->size = size;
		insert_free(rest);
	}
}

void *malloc(size_t n)
{
	size_t size = block_size(n);
	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	for (int attempt = 0; attempt < 2; attempt++) {
		struct block **link = &free_list;
		for (struct block *b = free_list; b; link = &b->next, b = b->next) {
			if (b->size < size)
				continue;
			*link = b->next;	/* unlink, then return any excess */
			b->next = USED_MAGIC;
			split(b, size);
			return (char *)b + HDR;
		}
		if (attempt == 0 && grow_heap(size) < 0)
			break;
	}
	errno = ENOMEM;
	return NULL;
}

static struct block *used_block(void *p)
{
	struct block *b = (struct block *)((char *)p - HDR);
	if (((uintptr_t)p & (ALIGN - 1)) || b->next != USED_MAGIC)
		heap_corrupt("free/realloc of a pointer not from malloc, or double free", p);
	return b;
}

void free(void *p)
{
	if (!p)
		return;
	insert_free(used_block(p));
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(total);
	if (p)
		memset(p, 0, total);	/* reused blocks are not zero */
	return p;
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	struct block *b = used_block(p);
	size_t size = block_size(n);
	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if (size <= b->size) {	/* shrink (or same) in place */
		split(b, size);
		return p;
	}
	void *q = malloc(n);
	if (!q)
		return NULL;	/* the old block is left untouched */
	memcpy(q, p, b->size - HDR);
	free(p);
	return q;
}
