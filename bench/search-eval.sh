#!/usr/bin/env bash
# Relevance of the search API beside plain Elasticsearch match (OR and AND), same index, same run:
# S@1, S@3, S@10 and zero-result rate on the hand-judged seed queries (eval/search/seeds-judged.tsv)
# and on known-item queries from pages generated from the dev corpus (skipped when it is absent).
#
#   bench/search-eval.sh                                 # starts a local node on 9273 if ES_URL is unset
#   ES_URL=http://127.0.0.1:9200 bench/search-eval.sh    # an existing node (IK plugin needed)
#   EVAL_PAGES=40 EVAL_QUERIES=200 EVAL_SEED=11 EVAL_VERBOSE=true bench/search-eval.sh
#
# Indexes into the aliases eval-seeds and eval-dev (rebuilt every run).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN="mvn -q"
command -v mvn >/dev/null || MVN="./mvnw -q"
$MVN -pl search-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null

started=""
if [ -z "${ES_URL:-}" ]; then
  port="${EVAL_ES_PORT:-9273}"
  $MVN -pl local-es -am package -DskipTests >/dev/null
  java -jar local-es/target/local-es-all.jar start --port "$port" --heap 1g
  started="$port"
  export ES_URL="http://127.0.0.1:$port"
fi
# Stops only the node this script started: SIGTERM to the pid it recorded, then wait for it to exit.
stop_node() {
  [ -n "$started" ] || return 0
  pidfile=".es/nodes/es-$started/node.pid"
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "stopped es-$started"; return 0; }; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}
trap stop_node EXIT

java -Xmx1g -cp "search-api/target/classes:search-api/target/test-classes:$(cat search-api/target/bench.classpath)" \
  dev.newssearch.api.bench.SearchEval seeds eval/search/seeds-judged.tsv
