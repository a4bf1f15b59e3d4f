#!/usr/bin/env bash
# Full-build benchmark of the index stage: the seeds as they are, then the seeds multiplied
# (COPIES x, distinct file names, hence distinct paragraph ids) in a temp folder.
#
#   ES_URL=http://127.0.0.1:9200 bench/index-bench.sh            # COPIES=100 by default
#   COPIES=20 BATCH=500 CONCURRENCY=2 bench/index-bench.sh
#
# Needs a running node with the IK plugin (e.g. the local-es launcher). Prints, per corpus, the
# CLI's summary: paragraphs, time, paragraphs/s, chars/s, and the pipeline vs bulk-load split.
# Cleans up its aliases and indices. Not a test: nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

ES_URL="${ES_URL:-http://127.0.0.1:9200}"
COPIES="${COPIES:-100}"
BATCH="${BATCH:-500}"
CONCURRENCY="${CONCURRENCY:-2}"
JAR="${JAR:-indexer/target/indexer-all.jar}"
export ES_URL

if [[ ! -s "$JAR" ]]; then
  echo "building $JAR ..." >&2
  ./mvnw -q -o -pl indexer -am package -DskipTests >&2 || ./mvnw -q -pl indexer -am package -DskipTests >&2
fi
curl -fsS "$ES_URL/_cluster/health" >/dev/null || { echo "no Elasticsearch at $ES_URL" >&2; exit 3; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
big="$work/seeds-x$COPIES"
mkdir -p "$big"
for ((k = 1; k <= COPIES; k++)); do
  for f in seeds/*; do
    cp "$f" "$big/$(printf 'c%03d' "$k")_$(basename "$f")"
  done
done
echo "corpus: seeds ($(du -sh seeds | cut -f1), $(ls seeds | wc -l) files) and seeds x$COPIES ($(du -sh "$big" | cut -f1), $(ls "$big" | wc -l) files)"

run() { # name folder
  local alias="bench-$1-$$"
  echo "== $1: java -jar $JAR index --full --seeds $2 --alias $alias --batch-size $BATCH --concurrency $CONCURRENCY"
  java -Xmx2g -jar "$JAR" index --full --no-progress --seeds "$2" --alias "$alias" \
    --batch-size "$BATCH" --concurrency "$CONCURRENCY" --keep 0 --dict-dir "$work/dict-$1" 2>/dev/null \
    | sed 's/^/   /'
  local index
  index="$(curl -fsS "$ES_URL/_alias/$alias" | sed -E 's/^\{"([^"]+)".*/\1/')"
  echo "   store: $(curl -fsS "$ES_URL/_cat/indices/$index?h=docs.count,store.size")"
  curl -fsS -XDELETE "$ES_URL/$index" >/dev/null
}

run seeds seeds
run "x$COPIES" "$big"
