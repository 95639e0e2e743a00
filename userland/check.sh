#!/usr/bin/env bash
# check.sh - verify the committed userland binaries.
#
#  1. Rebuild everything into a temporary directory and cmp each program with
#     the committed bin/<name>: the build must be byte-for-byte reproducible.
#  2. Run every program under qemu-riscv64 (the reference for what the
#     Timeshare kernel must do), printing its output and exit status, and
#     compare the output with expected/<name>.out (UPDATE=1 rewrites those).
#  3. If a host gcc is available, build libc-selftest and cpubench against
#     the host's glibc and require identical output.
#
# Exit status 0 when everything matches.
set -uo pipefail
cd "$(dirname "$0")"

QEMU=$(command -v qemu-riscv64 || command -v qemu-riscv64-static || true)
fail=0
note_fail() { echo "FAIL: $*"; fail=1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== reproducible build"
if ./build.sh "$tmp" >/dev/null; then
	for f in bin/*; do
		name=$(basename "$f")
		if cmp -s "$f" "$tmp/bin/$name"; then
			echo "same: $name ($(stat -c %s "$f") bytes)"
		else
			note_fail "$name differs from a fresh build"
		fi
	done
	for f in "$tmp"/bin/*; do
		[ -e "bin/$(basename "$f")" ] || note_fail "$(basename "$f") is built but not committed"
	done
else
	note_fail "build failed"
fi

if [ -z "$QEMU" ]; then
	echo "qemu-riscv64 not found: skipping run checks"
	exit $fail
fi

# run NAME EXPECTED_STATUS ARGS... : run bin/NAME under qemu with a tiny,
# fixed environment (one variable, so its order cannot matter, plus TMPDIR
# for posix-selftest) and stdin from /dev/null, show output and status, and
# compare the output with expected/NAME.out. With UPDATE=1, (re)write
# expected/NAME.out instead. Optional settings, one run at a time:
#   OUT=LABEL      compare with expected/LABEL.out (several runs of one program)
#   RUN_CWD=DIR    run in DIR (bin/NAME is then given by absolute path)
#   FILTER=FUNC    pass the output through FUNC first (to mask pids)
run() {
	local name=$1 want=$2; shift 2
	local label=${OUT:-$name} prog=bin/$name
	[ -n "${RUN_CWD:-}" ] && prog=$PWD/bin/$name
	echo "== $name $*"
	(cd "${RUN_CWD:-.}" &&
	 env -i TS_CHECK=1 ${RUN_TMPDIR:+TMPDIR=$RUN_TMPDIR} "$QEMU" "$prog" "$@" </dev/null >"$tmp/raw.$label" 2>&1)
	local st=$?
	${FILTER:-cat} <"$tmp/raw.$label" >"$tmp/out.$label"
	cat "$tmp/out.$label"
	echo "-- exit status $st"
	[ "$st" = "$want" ] || note_fail "$label exited with $st, expected $want"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out.$label" "expected/$label.out"
	elif ! cmp -s "$tmp/out.$label" "expected/$label.out"; then
		note_fail "$label: output differs from expected/$label.out"
		diff "expected/$label.out" "$tmp/out.$label" | head -20
	fi
}

# Filters for programs that print pids: the numbers after "pid:", "of ",
# "reaped:", a line's leading "(" and a job's "[N] " become PID. fork-demo's
# two last lines come in either order, so its output is also sorted.
mask_pids() { sed -E 's/(pid:|reaped:|of |^\(|^\[[0-9]+\] )[0-9]+/\1PID/g'; }
mask_pids_sorted() { mask_pids | LC_ALL=C sort; }

# The argument lists here are the ones the expected/ files were made with.
run hello 0
run args 0 one "two words" ""
run echo 0 -n no newline
run spinner 0 A 1000000 3
run sysinfo 0
run cpubench 0 1
run libc-selftest 0
run signal-selftest 0
mkdir -p "$tmp/posix"
RUN_TMPDIR=$tmp/posix run posix-selftest 0

# Issue 5: the process demos and the base utilities. Under qemu-user a
# riscv64 program cannot exec another riscv64 program (no binfmt_misc), so
# what sh, exec-demo and redirect-demo would exec is left to the Timeshare
# tests; the sh runs below only exec the host's echo, cat, tr and sh.
FILTER=mask_pids_sorted run fork-demo 0
FILTER=mask_pids run wait-demo 0
run pipe-demo 0
run sig-demo 0
FILTER=mask_pids run mem 0 3
run spin 0 A 3
run forkbench 0 fork 100
run forkbomb 1 20
run true 0
run false 1

fx=$tmp/fixture	# a small directory tree for the file utilities and sh
mkdir -p "$fx/sub"	# listed only without -l: a directory's size depends on the file system
printf 'inner\n' >"$fx/sub/inner"
printf 'first line\nsecond line, five words\n' >"$fx/notes"
: >"$fx/empty"
: >"$fx/.hidden"
printf '# a comment line\necho "script: $X"   # trailing comment\nexit 4\n' >"$fx/script"
RUN_CWD=$fx run cat 0 notes
RUN_CWD=$fx OUT=cat-missing run cat 1 notes missing empty
RUN_CWD=$fx run wc 0 notes empty
RUN_CWD=$fx OUT=wc-stdin run wc 0
RUN_CWD=$fx run ls 0
RUN_CWD=$fx OUT=ls-operands run ls 1 notes missing sub
RUN_CWD=$fx OUT=ls-l run ls 0 -l notes sub
run sleep 0 0.1
OUT=sleep-usage run sleep 2 soon
run kill 0 -l
OUT=kill-errors run kill 1 notapid
OUT=kill-signal run kill 2 -NOSUCH 1
RUN_CWD=$fx run sh 3 -c 'X=hi; echo "[$X]" '"'"'[$X]'"'"' a\ b $UNSET "$UNSET"; false; echo status $?
	nosuch; echo status $?; echo one two | tr a-z A-Z | cat
	echo out > f; echo more >> f; cat < f; cat < missing; echo status $?
	cd /nonexistent 2> err; echo status $?; cat err; jobs > j; cat j; exit 3'
RUN_CWD=$fx OUT=sh-jobs FILTER=mask_pids run sh 0 -c 'true & wait; false & wait; jobs
	sh -c "kill -9 \$\$"; echo status $?; sh -c "kill -SEGV \$\$"; echo status $?'
RUN_CWD=$fx OUT=sh-script run sh 4 script
RUN_CWD=$fx OUT=sh-syntax run sh 2 -c 'echo a | ; echo never'

if command -v gcc >/dev/null; then
	echo "== host comparison (same sources against glibc)"
	for p in libc-selftest:"" cpubench:1; do
		name=${p%%:*} arg=${p#*:}
		if gcc -O2 -w -fno-builtin -o "$tmp/host-$name" "programs/$name.c" -lm &&
		   "$tmp/host-$name" $arg >"$tmp/host.$name" 2>&1 &&
		   "$QEMU" "bin/$name" $arg >"$tmp/rv.$name" 2>&1 &&
		   cmp -s "$tmp/host.$name" "$tmp/rv.$name"; then
			echo "identical to glibc: $name $arg"
		else
			note_fail "$name $arg: output differs from the glibc build"
			diff "$tmp/host.$name" "$tmp/rv.$name" | head -20
		fi
	done
fi

echo
[ $fail = 0 ] && echo "check: all good" || echo "check: FAILURES"
exit $fail
