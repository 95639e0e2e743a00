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
# for posix-selftest), show output and status, and compare the output with
# expected/NAME.out. With UPDATE=1, (re)write expected/NAME.out instead.
run() {
	local name=$1 want=$2; shift 2
	echo "== $name $*"
	env -i TS_CHECK=1 ${RUN_TMPDIR:+TMPDIR=$RUN_TMPDIR} "$QEMU" "bin/$name" "$@" >"$tmp/out.$name" 2>&1
	local st=$?
	cat "$tmp/out.$name"
	echo "-- exit status $st"
	[ "$st" = "$want" ] || note_fail "$name exited with $st, expected $want"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out.$name" "expected/$name.out"
	elif ! cmp -s "$tmp/out.$name" "expected/$name.out"; then
		note_fail "$name: output differs from expected/$name.out"
		diff "expected/$name.out" "$tmp/out.$name" | head -20
	fi
}

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
