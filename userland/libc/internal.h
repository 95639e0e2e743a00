/* internal.h - shared between libc sources, never installed for programs. */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H

#include <sys/syscall.h>

/*
 * Raw system call, riscv64 Linux convention:
 *   a7 = number, a0..a5 = arguments, `ecall`, result in a0.
 * A result in [-4095, -1] is a negated errno value; anything else is success.
 * These return the raw kernel value and never touch errno.
 */
static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a4 __asm__("a4") = e;
	register long a5 __asm__("a5") = f;
	__asm__ volatile("ecall"
	                 : "+r"(a0)
	                 : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
	                 : "memory");
	return a0;
}

#define __syscall0(n)             __syscall6(n, 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a)          __syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b)       __syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c)    __syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d) __syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __syscall5(n, a, b, c, d, e) \
	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Turn a raw result into the C convention: -1 with errno set, or the value. */
long __syscall_ret(long r);

/* stdio: flush every open stream (called by exit). */
void __stdio_exit(void);

/* The program name (argv[0]), for diagnostics such as assert(). */
extern const char *__progname;

#endif
