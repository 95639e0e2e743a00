/*
 * busywork.h - a fixed amount of CPU work, for the scheduling demos.
 *
 * Work is counted in loop iterations, not in time, so a program's output
 * does not depend on how fast the machine is or how it is shared: only
 * how the lines of several programs interleave does.
 */
#ifndef BUSYWORK_H
#define BUSYWORK_H

/* Iterations between two lines of spin and mem: about 40 M instructions,
 * 0.15 s on Timeshare alone on the CPU, 12 ms under qemu. */
#define WORK_PER_LINE 20000000L

static inline void busywork(long iterations)
{
	/* The empty asm with a memory clobber keeps the loop from being
	 * optimised away: each iteration really executes. */
	for (long k = 0; k < iterations; k++)
		__asm__ volatile("" ::: "memory");
}

#endif
