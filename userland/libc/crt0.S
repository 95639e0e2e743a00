/*
 * crt0.S - process entry point.
 *
 * Linux starts a static ELF at _start with all registers but sp undefined
 * (a0 may hold a function for atexit when a dynamic loader is involved; a
 * static binary has none, so we ignore it) and sp pointing at:
 *
 *   sp+0                argc
 *   sp+8                argv[0] .. argv[argc-1], NULL
 *   after that          envp[0] .. , NULL
 *   after that          auxv pairs (type, value) .. , (AT_NULL, 0)
 *
 * sp is 16-byte aligned on entry. We hand that pointer to C.
 */
	.section .text._start, "ax", @progbits
	.globl _start
	.type _start, @function
_start:
	/* gp is only used by linker relaxation, which -mno-relax disables;
	 * set it anyway so code built with relaxation would also work. */
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	mv	fp, zero	/* terminate frame-pointer chains */
	mv	ra, zero	/* and return-address chains */
	mv	a0, sp		/* a0 = pointer to argc */
	andi	sp, sp, -16	/* keep the psABI alignment, whatever we got */
	call	__libc_start_main
	/* __libc_start_main never returns; trap if it somehow does. */
	unimp
	.size _start, . - _start
