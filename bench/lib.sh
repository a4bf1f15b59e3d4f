# Sourced by the bench scripts (not run): what they all do before they measure, in one place.
# Sourcing it moves to the repository root and sets -euo pipefail.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The machine's Maven if there is one, else the wrapper.
MVN="mvn -q"
command -v mvn >/dev/null || MVN="./mvnw -q"

# bench_mvn ARGS: a quiet Maven build whose output is kept in target/bench-build.log and shown, with the
# reason, when it fails (a benchmark that stops without a word helps nobody).
bench_mvn() {
  mkdir -p target
  if ! $MVN "$@" >target/bench-build.log 2>&1; then
    cat target/bench-build.log >&2
    echo "bench: the build failed: $MVN $* (output above, also in target/bench-build.log)" >&2
    exit 1
  fi
}

# search-api's classes and test classes (where the bench mains live), and their class path in
# search-api/target/bench.classpath: one reactor build, so sibling modules (core, indexer, local-es)
# come from the reactor. It goes as far as `package`: local-es needs the IK plugin's zip, which only
# `package` makes; short of it Maven would take whatever zip ~/.m2 holds, or fail on a fresh machine.
bench_build_search_api() {
  bench_mvn -pl search-api -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
}

# The indexer's shaded jar (indexer/target/indexer-all.jar) that indexer/bin/indexer runs.
bench_build_indexer() {
  $MVN -B -ntp -pl indexer -am package -DskipTests
}

# bench_node PORT [start options]: if ES_URL is unset, starts a local node on PORT (1 GB heap), exports
# ES_URL and stops that node when the script exits. Only that node: `stop --port` leaves every other
# node under .es running (./run's, another benchmark's). With ES_URL set, nothing is started.
bench_started=""
bench_node() {
  local port="$1"
  shift
  if [ -z "${ES_URL:-}" ]; then
    bench_mvn -pl local-es -am package -DskipTests
    java -jar local-es/target/local-es-all.jar start --port "$port" --heap 1g "$@"
    bench_started="$port"
    export ES_URL="http://127.0.0.1:$port"
  fi
  trap bench_stop_node EXIT
}
bench_stop_node() {
  [ -n "$bench_started" ] || return 0
  java -jar local-es/target/local-es-all.jar stop --port "$bench_started" || true
}

# bench_main CLASS ARGS: a main from search-api's test classes, with the class path built above.
bench_main() {
  java -Xmx1g -cp "search-api/target/classes:search-api/target/test-classes:$(cat search-api/target/bench.classpath)" \
    "$@"
}
