#!/usr/bin/env bash
# Full-build benchmark of the index stage beside its anchor, in one run:
#   A. `index --full` of seeds xCOPIES (distinct file names, hence distinct paragraph ids) through
#      indexer/bin/indexer at -Xmx256m (INDEXER_HEAP), wall time of the whole process (JVM start,
#      pipeline, load, verify, alias swap) and its peak heap from its GC log;
#   B. a raw `_bulk` of the very same documents (`inspect --format jsonl` output, turned into bulk
#      bodies before the clock starts) into an index made from the same schema file, with refresh off
#      during the load and a refresh at the end, as the indexer does; BULK_PARALLEL requests at once, each
#      stream on one kept-alive connection;
#   then the ratio A / B. Each side also prints the CPU it cost: the indexer's (user + system, bash's time)
#   and the node's (its own counter, _nodes/stats); on two cores A can be no shorter than (indexer + node) / 2.
#
#   ES_URL=http://127.0.0.1:9640 COPIES=400 bench/index-bench.sh
#   COPIES=4000 RAW=0 bench/index-bench.sh          # the big corpus without the anchor (disk for jsonl)
#   BIG_FILE_MB=50 bench/index-bench.sh             # also one file of that size (time, peak heap)
#   DEV_PAGES=3000 bench/index-bench.sh             # generated dev pages instead of seed copies: text that
#                                                   # never repeats (needs ../shared/corpora), unlike seeds xN
#   PROBE=1 ...                                     # then the search bodies of bench/api-bench.sh (plain and
#                                                   # the API's own) against the built index: latency, 30 runs
#
#   JAVA_OPTS="-XX:..." COPIES=400 ...              # flags for the indexer's JVM (A only; INDEXER_JIT, INDEXER_GC too)
#   TIMELINE=1 ...                                  # then A's cores second by second (bench/timeline.py): where
#                                                   # the two cores wait (its polling adds a little to A's CPU)
#   ROUNDS=5 ...                                    # A then B, five times over, and the rounds' ratios with their
#                                                   # median: on a machine whose speed drifts, pairs one at a time
#                                                   # say little (the bulk bodies are made once, before round 1)
# Needs a running node with the IK plugin (e.g. java -jar local-es/target/local-es-all.jar start --port P)
# and python3 (bulk bodies). Cleans up its aliases and indices. Not a test: nothing is asserted.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

ES_URL="${ES_URL:-http://127.0.0.1:9200}"
COPIES="${COPIES:-400}"
RAW="${RAW:-1}"
BULK_DOCS="${BULK_DOCS:-500}"
BULK_PARALLEL="${BULK_PARALLEL:-2}"
BIG_FILE_MB="${BIG_FILE_MB:-0}"
ROUNDS="${ROUNDS:-1}"
export INDEXER_HEAP="${INDEXER_HEAP:-256m}"
# a loaded machine can take longer than the client's default 30 s to create an index with IK
export ES_TIMEOUT_MS="${ES_TIMEOUT_MS:-120000}"
JAR="${JAR:-indexer/target/indexer-all.jar}"
export ES_URL INDEXER_JAR="$PWD/$JAR"

if [[ ! -s "$JAR" ]]; then
  echo "building $JAR ..." >&2
  bench_build_indexer >&2
fi
curl -fsS "$ES_URL/_cluster/health" >/dev/null || { echo "no Elasticsearch at $ES_URL" >&2; exit 3; }

work="$(mktemp -d)"
cleanup() {
  # only this run's indices: bench/api-bench.sh keeps its corpus (bench-paragraphs) on the same node
  curl -fsS -XDELETE "$ES_URL/bench-*-$$-v*,bench-raw-*-$$" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
DEV_PAGES="${DEV_PAGES:-0}"
if [[ "$DEV_PAGES" != 0 ]]; then
  name="dev$DEV_PAGES"
  big="$work/$name"
  java -jar "$JAR" devpages --out "$big" --pages "$DEV_PAGES" --seed "${DEV_SEED:-1}" >&2
  what="dev pages x$DEV_PAGES (generated from the dev corpus, no text repeated)"
else
  name="x$COPIES"
  big="$work/seeds-x$COPIES"
  mkdir -p "$big"
  for ((k = 1; k <= COPIES; k++)); do
    for f in seeds/*; do
      cp "$f" "$big/$(printf 'c%04d' "$k")_$(basename "$f")"
    done
  done
  cp seeds/.dates.properties "$big/" # the seeds' stated year, as ./run reads it
  what="seeds x$COPIES"
fi
echo "corpus: $what: $(ls "$big" | wc -l) files, $(du -sh "$big" | cut -f1), $(cat "$big"/* | wc -m) characters;" \
  "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
node_cpu() { # CPU seconds the node's process has used so far (its own counter: works for any node ES_URL names)
  curl -fsS "$ES_URL/_nodes/_local/stats/process?filter_path=nodes.*.process.cpu.total_in_millis" |
    grep -oE '[0-9]+' | tail -1 | awk '{printf "%.1f", $1 / 1000}'
}
peak_heap() { # GC log -> largest heap in use before a collection, MB
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$1" | sed -E 's/M->.*//' | sort -n | tail -1
}

indexer_run() { # name folder
  local alias="bench-$1-$$" gclog="$work/gc-$1.log"
  local t0 t1 c0 c1
  c0=$(node_cpu)
  t0=$(now)
  # bash's own `time` (no package needed): user and system CPU of the indexer's process
  local wrap=()
  [[ "${TIMELINE:-0}" == 1 ]] && wrap=(python3 bench/timeline.py "$work/timeline-$1.txt" --)
  { TIMEFORMAT="%U %S"; time JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$gclog" ${wrap[@]+"${wrap[@]}"} indexer/bin/indexer index --full --no-progress \
    --seeds "$2" --alias "$alias" --keep 0 2>"$work/$1.err" | sed 's/^/   /'; } 2>"$work/$1.time" ||
    { cat "$work/$1.err" >&2; exit 1; }
  t1=$(now)
  c1=$(node_cpu)
  INDEXER_SECONDS=$(echo "$t1 - $t0" | bc)
  local index
  index="$(curl -fsS "$ES_URL/_alias/$alias" | sed -E 's/^\{"([^"]+)".*/\1/')"
  echo "   A. index --full: ${INDEXER_SECONDS} s wall, peak heap $(peak_heap "$gclog") MB of $INDEXER_HEAP," \
    "store $(curl -fsS "$ES_URL/_cat/indices/$index?h=docs.count,store.size" | tr -s ' ');" \
    "CPU: indexer $(awk '{printf "%.1f", $1 + $2}' "$work/$1.time") s, node $(echo "$c1 - $c0" | bc) s"
  if [[ "${TIMELINE:-0}" == 1 && "$1" != seeds ]]; then
    sed 's/^/      /' "$work/timeline-$1.txt"
  fi
  if [[ "${PROBE:-0}" == 1 && "$1" != seeds ]]; then
    probe "$alias"
  fi
  curl -fsS -XDELETE "$ES_URL/$index" >/dev/null
}

probe() { # alias: the bodies api-bench.sh writes (plain request, the API's own _msearch), 30 runs each
  local plain=search-api/target/bench-plain-query.json api=search-api/target/bench-api-query.ndjson
  [[ -s "$plain" && -s "$api" ]] || { echo "   (no probe: run bench/api-bench.sh once to write $plain and $api)"; return 0; }
  python3 - "$ES_URL/$1" "$plain" "$api" <<'PY'
import json, statistics, sys, time, urllib.request
base = sys.argv[1]
for path in sys.argv[2:]:
    body = open(path, "rb").read()
    ndjson = path.endswith(".ndjson")
    url = base + ("/_msearch" if ndjson else "/_search")
    def call():
        r = urllib.request.Request(url, data=body, method="POST",
                                   headers={"Content-Type": "application/x-ndjson" if ndjson else "application/json"})
        t = time.perf_counter(); d = json.loads(urllib.request.urlopen(r).read()); return (time.perf_counter() - t) * 1000, d
    ms0, d = call()  # first call: caches cold
    runs = sorted(call()[0] for _ in range(30))
    total = d["responses"][-1] if ndjson else d  # the API's counts are the last search of its _msearch
    print(f"   probe {path.split('/')[-1]}: first {ms0:.0f} ms, then p50 {statistics.median(runs):.1f} ms,"
          f" p90 {runs[26]:.1f} ms, max {runs[-1]:.1f} ms; total hits {total['hits']['total']['value']}")
PY
}

raw_prepare() { # name folder: the documents of `inspect --format jsonl`, as bulk bodies and the create body
  local jsonl="$work/$1.jsonl" parts="$work/bulk-$1"
  java -Xmx2g -jar "$JAR" inspect "$2" --format jsonl 2>/dev/null >"$jsonl"
  mkdir -p "$parts"
  python3 - "$jsonl" "$parts" "$BULK_DOCS" <<'PY'
import json, sys
src, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
n, part, buf = 0, 0, []
for line in open(src, encoding="utf-8"):
    doc = json.loads(line)
    buf.append(json.dumps({"index": {"_id": doc["id"]}}) + "\n" + line.rstrip("\n") + "\n")
    n += 1
    if len(buf) == per:
        open(f"{out}/{part:06d}.ndjson", "w", encoding="utf-8").write("".join(buf)); part += 1; buf = []
if buf:
    open(f"{out}/{part:06d}.ndjson", "w", encoding="utf-8").write("".join(buf))
PY
  python3 - core/src/main/resources/schema/news-paragraphs.json >"$work/create.json" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1], encoding="utf-8"))
schema["settings"]["refresh_interval"] = "-1"
schema["settings"]["number_of_replicas"] = 0
print(json.dumps(schema))
PY
  RAW_DOCS=$(wc -l <"$jsonl")
  rm -f "$jsonl"
}

raw_run() { # name (after raw_prepare)
  local index="bench-raw-$1-$$" parts="$work/bulk-$1"
  local t0 t1 c0 c1
  c0=$(node_cpu)
  t0=$(now)
  curl -fsS -XPUT "$ES_URL/$index" -H 'Content-Type: application/json' --data-binary @"$work/create.json" >/dev/null
  # BULK_PARALLEL threads, each on one kept-alive connection, the bodies read before the clock: an anchor
  # that costs the node no more than it must (curl per file opened a connection per request and asked
  # for 100-continue on every body over 1 MB)
  python3 - "$ES_URL/$index/_bulk" "$parts" "$BULK_PARALLEL" <<'PY'
import http.client, os, sys, threading, urllib.parse
url, parts, n = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3])
bodies = [open(os.path.join(parts, f), "rb").read() for f in sorted(os.listdir(parts))]
errors = []
def load(mine):
    c = http.client.HTTPConnection(url.hostname, url.port)
    for body in mine:
        c.request("POST", url.path, body, {"Content-Type": "application/x-ndjson"})
        r = c.getresponse(); answer = r.read()
        if r.status != 200 or b'"errors":true' in answer[:200]:
            errors.append(f"HTTP {r.status}: {answer[:300]!r}")
threads = [threading.Thread(target=load, args=(bodies[i::n],)) for i in range(n)]
[t.start() for t in threads]; [t.join() for t in threads]
if errors:
    sys.exit(f"the raw load failed: {errors[0]}")
PY
  curl -fsS -XPUT "$ES_URL/$index/_settings" -H 'Content-Type: application/json' \
    -d '{"index":{"refresh_interval":"1s"}}' >/dev/null
  curl -fsS -XPOST "$ES_URL/$index/_refresh" >/dev/null
  t1=$(now)
  c1=$(node_cpu)
  RAW_SECONDS=$(echo "$t1 - $t0" | bc)
  echo "   B. raw _bulk of the same $RAW_DOCS documents ($BULK_DOCS per request, $BULK_PARALLEL at once): ${RAW_SECONDS} s," \
    "count $(curl -fsS "$ES_URL/$index/_count" | sed -E 's/.*"count":([0-9]+).*/\1/'); CPU: node $(echo "$c1 - $c0" | bc) s"
  curl -fsS -XDELETE "$ES_URL/$index" >/dev/null
}

# warm-up: the node's indexing code is compiled by its JIT during the first tens of thousands of documents; a
# build of a fresh node's first documents pays for that and the anchor after it would not (seeds x400 on a fresh
# node: 57.9 s of node CPU for the build, 43.8 s for the same build once warm)
warm="$work/warm-up"
mkdir -p "$warm"
for ((k = 1; k <= ${WARM_COPIES:-60}; k++)); do
  for f in seeds/*; do cp "$f" "$warm/$(printf 'w%04d' "$k")_$(basename "$f")"; done
done
cp seeds/.dates.properties "$warm/"
echo "== warm-up: seeds x${WARM_COPIES:-60} (the node's JIT; learned names written to its dictionary, if it is a local-es node)"
indexer_run seeds "$warm" >/dev/null
rm -rf "$warm"
echo "== $what"
[[ "$RAW" == 1 ]] && raw_prepare "$name" "$big"
ratios=()
for ((round = 1; round <= ROUNDS; round++)); do
  ((ROUNDS > 1)) && echo "  round $round of $ROUNDS"
  indexer_run "$name" "$big"
  if [[ "$RAW" == 1 ]]; then
    raw_run "$name"
    ratios+=("$(echo "scale=2; $INDEXER_SECONDS / $RAW_SECONDS" | bc)")
    echo "   ratio A / B = ${ratios[-1]}"
  fi
done
if ((ROUNDS > 1)) && [[ "$RAW" == 1 ]]; then
  echo "   ratios of the $ROUNDS rounds: $(printf '%s\n' "${ratios[@]}" | sort -n | tr '\n' ' ')(median" \
    "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'))"
fi
rm -rf "$work/bulk-$name"

if [[ "$BIG_FILE_MB" != 0 ]]; then
  one="$work/one-file"
  mkdir -p "$one"
  while [[ $(stat -c %s "$one/big.txt" 2>/dev/null || echo 0) -lt $((BIG_FILE_MB * 1024 * 1024)) ]]; do
    cat seeds/* >>"$one/big.txt"
  done
  echo "== one file of $(du -h "$one/big.txt" | cut -f1) (seeds concatenated)"
  indexer_run big "$one"
fi
