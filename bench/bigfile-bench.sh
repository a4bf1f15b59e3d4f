#!/usr/bin/env bash
# Is the text pipeline linear in a file's size, in bounded memory? One file per size, through
# `inspect --format jsonl` (which streams a big file window by window, as `index` does) at HEAP, no
# Elasticsearch. Prints per size: paragraphs, wall and CPU seconds, seconds per MB beside the smallest
# size's (the ratio is 1.0 when time grows with size), peak heap and the largest heap after a collection.
#
#   bench/bigfile-bench.sh                       # seeds concatenated to 2, 8, 32 and 50 MB, -Xmx256m
#   SIZES="8 50" HEAP=128m bench/bigfile-bench.sh
#   DEV=1 bench/bigfile-bench.sh                 # generated dev pages joined by form feeds instead: text
#                                                # that rarely repeats (needs ../shared/corpora or NEWS_DEV_CORPUS)
#
# Not a test: nothing is asserted. The whole index stage on one big file: BIG_FILE_MB=50 bench/index-bench.sh.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

SIZES="${SIZES:-2 8 32 50}"
HEAP="${HEAP:-256m}"
DEV="${DEV:-0}"
JAR="${JAR:-indexer/target/indexer-all.jar}"
if [[ ! -s "$JAR" ]]; then
  echo "building $JAR ..." >&2
  bench_build_indexer >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
largest=0
for mb in $SIZES; do ((mb > largest)) && largest=$mb; done

if [[ "$DEV" == 1 ]]; then
  # about 3.4 KB a page
  java -Xmx1g -jar "$JAR" devpages --out "$work/pages" --pages $((largest * 310 + 100)) --seed 2 >&2
  what="generated dev pages joined by form feeds"
else
  what="the seeds concatenated"
fi

make_file() { # mb path
  python3 - "$1" "$2" "$DEV" "$work/pages" <<'PY'
import glob, os, sys
mb, out, dev, pages = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1", sys.argv[4]
files = sorted(glob.glob(pages + "/*.txt")) if dev else sorted(glob.glob("seeds/*.txt"))
sep = b"\n\f" if dev else b""
n, i = 0, 0
with open(out, "wb") as f:
    while n < mb * 1024 * 1024:
        b = open(files[i % len(files)], "rb").read()
        if dev:
            b = b.rstrip()
        if n and sep:
            f.write(sep); n += len(sep)
        f.write(b); n += len(b); i += 1
        if dev and i == len(files):
            sys.exit("not enough dev pages for %d MB" % mb)
PY
}

echo "one file of $what per size; inspect --format jsonl at -Xmx$HEAP; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
base=""
for mb in $SIZES; do
  mkdir -p "$work/s$mb"
  make_file "$mb" "$work/s$mb/big.txt"
  t0=$(date +%s.%N)
  n=$(/usr/bin/time -f "%U %S" -o "$work/time$mb" java -Xmx"$HEAP" -Xlog:gc:file="$work/gc$mb.log" -jar "$JAR" \
    inspect "$work/s$mb/big.txt" --format jsonl 2>"$work/err$mb" | wc -l)
  t1=$(date +%s.%N)
  wall=$(echo "$t1 - $t0" | bc)
  cpu=$(awk '{print $1 + $2}' "$work/time$mb")
  per=$(echo "scale=3; $wall / $mb" | bc)
  [[ -z "$base" ]] && base=$per
  peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc$mb.log" | sed -E 's/M->.*//' | sort -n | tail -1)
  after=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc$mb.log" | sed -E 's/.*->([0-9]+)M.*/\1/' | sort -n | tail -1)
  windows=$(grep -oE '[0-9]+ windows' "$work/err$mb" || echo "whole")
  echo "  $mb MB ($windows): $n paragraphs, ${wall} s wall, ${cpu} s CPU, ${per} s/MB (x$(echo "scale=2; $per / $base" | bc) of the first size)," \
    "peak heap ${peak} MB, largest after a collection ${after} MB of $HEAP"
  grep -E "OutOfMemory|FAILED" "$work/err$mb" || true
done
