#!/usr/bin/env bash
# Latency of the search API against the same query sent straight to Elasticsearch.
#
#   bench/api-bench.sh                                   # starts a local node on 9272 if ES_URL is unset
#   ES_URL=http://127.0.0.1:9200 bench/api-bench.sh      # an existing node (IK plugin needed)
#   BENCH_COPIES=100 BENCH_RATES=10,40 BENCH_SECONDS=20 BENCH_REINDEX=true bench/api-bench.sh
#
# Indexes the seeds multiplied BENCH_COPIES times (distinct file names) behind BENCH_ALIAS
# (default bench-paragraphs; reused on later runs unless BENCH_REINDEX=true), then sends
# each of BENCH_RATES req/s for BENCH_SECONDS s, open loop, loopback only: the API, a plain ES request
# doing the same job, and the API's own ES request with exact substrings on bigrams and on characters.
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
  java -jar local-es/target/local-es-all.jar start --port "$port" --heap 1g
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
  dev.newssearch.api.bench.ApiBench seeds
