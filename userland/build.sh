#!/usr/bin/env bash
# build.sh - build the Timeshare libc and user programs as static riscv64 ELF.
#
#   ./build.sh            build into bin/ (objects in obj/)
#   ./build.sh OUTDIR     build into OUTDIR/bin (objects in OUTDIR/obj)
#
# The result is deterministic: no debug info, no absolute paths, no build id,
# no timestamps (llvm-ar is deterministic by default), sorted inputs. Building
# twice, or in another directory, gives byte-identical binaries.
set -euo pipefail

cd "$(dirname "$0")"
SRC=$PWD
OUT=${1:-$SRC}
BIN=$OUT/bin
OBJ=$OUT/obj
mkdir -p "$BIN" "$OBJ"

CC=${CC:-clang-14}
LD=${LD:-ld.lld-14}
AR=${AR:-llvm-ar-14}

# Fixed by the project:
TARGET_FLAGS=(--target=riscv64-unknown-linux-gnu -march=rv64gc -mabi=lp64d
              -ffreestanding -nostdlibinc -mno-relax)
# Ours: position-dependent code in the medany model (PC-relative, works at any
# load address), no stack protector (no TLS canary), no unwind tables, one
# section per function so the linker can drop what a program does not use.
CFLAGS=(-std=gnu11 -O2 -Wall -Wextra -Wno-unused-parameter
        -mcmodel=medany -fno-pic -fno-stack-protector
        -fno-asynchronous-unwind-tables -fno-unwind-tables
        -ffunction-sections -fdata-sections
        -ffile-prefix-map="$SRC"=. -I include)
LDFLAGS=(-static --gc-sections --build-id=none -z noexecstack)

compile() {	# compile SRC OBJ
	mkdir -p "$(dirname "$2")"
	"$CC" "${TARGET_FLAGS[@]}" "${CFLAGS[@]}" -c "$1" -o "$2"
}

# --- libc.a (crt0.o is linked separately, first) ---
compile libc/crt0.S "$OBJ/crt0.o"
LIBC_OBJS=()
while IFS= read -r src; do
	obj=$OBJ/${src%.c}.o
	compile "$src" "$obj"
	LIBC_OBJS+=("$obj")
done < <(find libc -name '*.c' | LC_ALL=C sort)
rm -f "$OBJ/libc.a"
"$AR" rcsD "$OBJ/libc.a" "${LIBC_OBJS[@]}"

# --- programs: one .c each ---
for src in $(find programs -name '*.c' | LC_ALL=C sort); do
	name=$(basename "$src" .c)
	compile "$src" "$OBJ/programs/$name.o"
	"$LD" "${LDFLAGS[@]}" -o "$BIN/$name" "$OBJ/crt0.o" "$OBJ/programs/$name.o" "$OBJ/libc.a"
done

echo "built: $(cd "$BIN" && ls | tr '\n' ' ')"
