#!/usr/bin/env bash
# stress.sh - heavier libc tests, not part of bin/: each tests/*.c is built
# for riscv64 against our libc and for the host against glibc, both are run
# (the riscv64 one under qemu) and their outputs must be identical.
# Run ../build.sh first (it provides obj/crt0.o and obj/libc.a).
set -uo pipefail
cd "$(dirname "$0")"
U=$(cd .. && pwd)
QEMU=$(command -v qemu-riscv64 || command -v qemu-riscv64-static)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for src in *.c; do
	name=${src%.c}
	clang-14 --target=riscv64-unknown-linux-gnu -march=rv64gc -mabi=lp64d -ffreestanding \
		-nostdlibinc -mno-relax -O2 -mcmodel=medany -fno-pic -I "$U/include" \
		-c "$src" -o "$tmp/$name.o" &&
	ld.lld-14 -static --gc-sections -o "$tmp/$name" "$U/obj/crt0.o" "$tmp/$name.o" "$U/obj/libc.a" &&
	gcc -O2 -w -fno-builtin -o "$tmp/$name.host" "$src" -lm || { echo "FAIL: build $name"; fail=1; continue; }
	args=()
	[ "$name" = stdio-stress ] && args=("$tmp/data")
	a=$("$tmp/$name.host" "${args[@]}")
	b=$("$QEMU" "$tmp/$name" "${args[@]}")
	if [ "$a" = "$b" ]; then echo "same as glibc: $name ($b)"; else echo "FAIL: $name: glibc $a, ours $b"; fail=1; fi
done
exit $fail
