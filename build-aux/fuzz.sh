#!/usr/bin/env bash
# fuzz.sh
#
# Copyright 2026 The Nichiro authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes one of Nichiro's readers with libFuzzer under AddressSanitizer and
# UndefinedBehaviorSanitizer for SECONDS (default 60) on one job: the
# dataset loader (the default), the query parser and search (--target
# query), the study store's loader and merge (--target study) or Import
# (--target import).
#
#   build-aux/fuzz.sh [--target dataset|query|study|import] [SECONDS [LIBFUZZER-OPTION...]]
#
# Further options go to libFuzzer as they are, e.g. -seed=1 to repeat a run
# or -detect_leaks=0 to look past a known leak.
#
# Builds in build-fuzz/ (clang, -Dfuzzing=true, core only), starts from a
# temporary copy of tests/fuzz/corpus/TARGET/ (plus the bundled dataset), and
# exits non-zero if libFuzzer finds a crash, a leak, a timeout (an input
# that runs 30 s: a hang) or runs out of memory; the input that did it is
# kept under build-fuzz/fuzz-artifacts/ and its path printed. To keep it as
# a regression test, copy it into tests/fuzz/corpus/TARGET/ once the bug is
# fixed. Inputs that merely ran slowly (libFuzzer's slow-unit-* files, over
# 5 s, common on a busy machine) are listed as slow and fail nothing.
#
# Needs clang and libFuzzer (Debian: clang libclang-rt-14-dev).
# NICHIRO_FUZZ_BUILDDIR overrides the build directory.

set -euo pipefail

usage ()
{
  echo "Usage: $0 [--target dataset|query|study|import] [SECONDS [LIBFUZZER-OPTION...]]" >&2
  exit 2
}

target=dataset
if [ "${1:-}" = "--target" ]; then
  target=${2:-}
  shift 2 || usage
fi
case $target in
  dataset) what="dataset loader" max_len=1048576 dict=dataset ;;
  query) what="query parser and search" max_len=1024 dict=query ;;
  study) what="study file loader and merge" max_len=65536 dict=study ;;
  import) what="backup import" max_len=65536 dict=study ;;
  *) usage ;;
esac

seconds=${1:-60}
[ $# -eq 0 ] || shift
case $seconds in
  ''|*[!0-9]*) usage ;;
esac
[ "$seconds" -gt 0 ] || usage

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${NICHIRO_FUZZ_BUILDDIR:-$srcdir/build-fuzz}
options=(-Dfuzzing=true '-Db_sanitize=address,undefined' -Db_lundef=false -Dgui=disabled)

if ! command -v clang >/dev/null 2>&1; then
  echo "fuzz: clang not found; install clang and libclang-rt-14-dev (Debian)" >&2
  exit 1
fi

if [ -f "$builddir/build.ninja" ]; then
  meson configure "$builddir" "${options[@]}"
else
  CC=clang meson setup "$builddir" "$srcdir" "${options[@]}"
fi
meson compile -C "$builddir"

fuzzer=$builddir/tests/fuzz/fuzz-$target
artifacts=$builddir/fuzz-artifacts
work=$(mktemp -d "${TMPDIR:-/tmp}/nichiro-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# libFuzzer writes what it learns into the first corpus folder: a copy keeps
# the checked-in seeds small and the source tree untouched.
mkdir -p "$work/corpus" "$artifacts"
cp "$srcdir"/tests/fuzz/corpus/"$target"/* "$work/corpus/"
if [ "$target" = dataset ]; then
  cp "$srcdir/data/japan-russia.json" "$work/corpus/"
fi
touch "$work/started"

# The sanitizers' verdicts must end the run: UBSan only warns by default.
# GLib 2.74's slice allocator would hide JsonNode misuse from ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/tests/lsan.supp:print_suppressions=0}
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly

# The study targets write a file per input, and the store syncs it to the
# disk: on a tmpfs that costs nothing.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi

status=0
started=$SECONDS
"$fuzzer" \
  -max_total_time="$seconds" \
  -dict="$srcdir/tests/fuzz/$dict.dict" \
  -max_len="$max_len" \
  -timeout=30 \
  -report_slow_units=5 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$artifacts/" \
  "$@" \
  "$work/corpus" 2>&1 | tee "$work/log" || status=$?
elapsed=$((SECONDS - started))

# Inputs libFuzzer saved during this run: crash-*, leak-*, timeout-*, oom-*
# are findings; slow-unit-* only ran slowly, which a busy machine does.
found=()
slow=()
while IFS= read -r -d '' file; do
  case $(basename "$file") in
    slow-unit-*) slow+=("$file") ;;
    *) found+=("$file") ;;
  esac
done < <(find "$artifacts" -maxdepth 1 -type f -newer "$work/started" -print0)

final_stat ()
{
  sed -n "s/^stat::$1: *//p" "$work/log" | tail -n 1
}

runs=$(final_stat number_of_executed_units)
speed=$(final_stat average_exec_per_sec)
progress=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1 || true)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$progress")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$progress")
corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$progress")

for file in "${slow[@]}"; do
  echo "fuzz: slow input (not a failure) saved as $file"
done
for file in "${found[@]}"; do
  echo "fuzz: failing input saved as $file"
  echo "fuzz: replay it with full stacks: ASAN_OPTIONS=fast_unwind_on_malloc=0 G_SLICE=always-malloc $fuzzer $file"
done
if [ "$status" -ne 0 ] && [ ${#found[@]} -eq 0 ]; then
  echo "fuzz: fuzz-$target exited with status $status without saving an input; see the log above"
fi

echo "fuzz: ${speed:-?} exec/s, coverage ${cov:-?} edges, ${ft:-?} features, corpus ${corp:-?} inputs"
crashes=${#found[@]}
if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
  crashes=1
fi
echo "fuzz: $what, $elapsed s, ${runs:-?} runs, ${#slow[@]} slow, $crashes crashes"

[ "$status" -eq 0 ] && [ ${#found[@]} -eq 0 ]
