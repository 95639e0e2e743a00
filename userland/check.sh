#!/usr/bin/env bash
# check.sh - verify the committed userland binaries.
#
#  1. Rebuild everything into a temporary directory and cmp each program with
#     the committed bin/<name>: the build must be byte-for-byte reproducible.
#  2. Run every program under qemu-riscv64 (the reference for what the
#     Timeshare kernel must do), printing its output and exit status, and
#     compare the output with what we expect.
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

# run NAME EXPECTED_STATUS ARGS... : run under qemu with a one-variable
# environment (so its order cannot matter), show output and status, keep the output in $tmp/out.NAME
run() {
	local name=$1 want=$2; shift 2
	echo "== $name $*"
	env -i TS_CHECK=1 "$QEMU" "bin/$name" "$@" >"$tmp/out.$name" 2>&1
	local st=$?
	cat "$tmp/out.$name"
	echo "-- exit status $st"
	[ "$st" = "$want" ] || note_fail "$name exited with $st, expected $want"
}

expect() {	# expect NAME TEXT : the output of the last run of NAME must be TEXT
	if [ "$(cat "$tmp/out.$1")" != "$2" ]; then
		note_fail "$1 output differs from the expected text"
	fi
}

run hello 0
expect hello "Hello from Timeshare userland!"

run args 0 one "two words" ""
expect args 'argc=4
argv[0]="bin/args"
argv[1]="one"
argv[2]="two words"
argv[3]=""
envp[0]="TS_CHECK=1"
envc=1'

run spinner 0 A 1000000 3
expect spinner 'A 1
A 2
A 3'

run cpubench 0 1
expect cpubench 'cpubench scale=1
sort:   1 x 16384 values, sorted=yes, last min=0005005e max=ffff2375, hash=bea6740b
crc32:  4 x 65536 bytes, check=cbf43926 (ok), crc=ce9367aa
matmul: 1 x 48x48, trace=4c9365cd, hash=30f78fc2
checksum: 83d8acbb'

run libc-selftest 0

if command -v gcc >/dev/null; then
	echo "== host comparison (same sources against glibc)"
	for p in libc-selftest:"" cpubench:1; do
		name=${p%%:*} arg=${p#*:}
		if gcc -O2 -w -o "$tmp/host-$name" "programs/$name.c" &&
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
