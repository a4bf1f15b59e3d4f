#!/usr/bin/env bash
# Does an expensive-query client starve normal searches? Normal p50/p99 alone, beside a heavy client
# with the admission limits, and beside it with the limits lifted (see HeavyQueryBench).
#
#   bench/heavy-bench.sh                                  # starts a local node on 9272 if ES_URL is unset
#   ES_URL=http://127.0.0.1:9200 bench/heavy-bench.sh     # an existing node (IK plugin needed)
#   BENCH_COPIES=10 BENCH_RATE=10 BENCH_HEAVY_RATE=5 BENCH_SECONDS=20 bench/heavy-bench.sh
#
# Indexes the seeds multiplied BENCH_COPIES times behind BENCH_ALIAS (default bench-paragraphs; reused
# unless BENCH_REINDEX=true), then measures normal searches at BENCH_RATE req/s three times: alone,
# beside BENCH_HEAVY_RATE req/s of the heaviest accepted query with the admission limits, and beside
# it with the limits lifted. Timings depend on the machine: compare the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN="mvn -q"
command -v mvn >/dev/null || MVN="./mvnw -q"
# one reactor build: sibling modules (core, indexer, local-es) come from their target/classes
$MVN -pl search-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null

started=""
if [ -z "${ES_URL:-}" ]; then
  port="${BENCH_ES_PORT:-9272}"
  $MVN -pl local-es -am package -DskipTests >/dev/null
  java -jar local-es/target/local-es-all.jar start --port "$port" --heap 1g --timeout "${BENCH_START_TIMEOUT:-600}"
  started="$port"
  export ES_URL="http://127.0.0.1:$port"
fi
# Stops only the node this script started: `stop --port` leaves every other node under .es running
# (./run's, another benchmark's).
stop_node() {
  [ -n "$started" ] || return 0
  java -jar local-es/target/local-es-all.jar stop --port "$started" || true
}
trap stop_node EXIT

java -Xmx1g -cp "search-api/target/classes:search-api/target/test-classes:$(cat search-api/target/bench.classpath)" \
  dev.newssearch.api.bench.HeavyQueryBench seeds
