#!/usr/bin/env bash
# Where the API's hop goes: the plain request, the API's own Elasticsearch request (raw and through the
# API's client, with BENCH_VARIANTS of it), the service in process and the API over HTTP, interleaved.
#
#   ES_URL=http://127.0.0.1:9200 bench/hop-bench.sh       # after bench/api-bench.sh made the corpus
#   BENCH_RUNS=200 BENCH_GAP_MS=30 BENCH_VARIANTS=nohl,size10 ES_URL=... bench/hop-bench.sh
#   BENCH_TARGETS="service.search,api over http" BENCH_OTHER_API=old=http://127.0.0.1:9712,new=http://127.0.0.1:9711 \
#     BENCH_PAIRS="new over http|old over http" ES_URL=... bench/hop-bench.sh   # A/B of two builds
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

: "${ES_URL:?set ES_URL to a node holding the bench corpus (bench/api-bench.sh makes it)}"
bench_build_search_api
bench_main dev.newssearch.api.bench.HopBench
