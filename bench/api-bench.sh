#!/usr/bin/env bash
# Latency of the search API against the same query sent straight to Elasticsearch.
#
#   bench/api-bench.sh                                   # starts a local node on 9272 if ES_URL is unset
#   ES_URL=http://127.0.0.1:9200 bench/api-bench.sh      # an existing node (IK plugin needed)
#   BENCH_COPIES=100 BENCH_RATES=10,40 BENCH_SECONDS=20 BENCH_SLICES=4 BENCH_REINDEX=true bench/api-bench.sh
#
# Indexes the seeds multiplied BENCH_COPIES times (distinct file names) behind BENCH_ALIAS
# (default bench-paragraphs; reused on later runs unless BENCH_REINDEX=true), then sends
# each of BENCH_RATES req/s for BENCH_SECONDS s, open loop, loopback only: the API, a plain ES request
# doing the same job, and the API's own ES request with exact substrings on bigrams and on characters.
# The four take turns, BENCH_SLICES (4) slices of BENCH_SECONDS / BENCH_SLICES s each, so they meet the same
# minutes of a machine whose speed drifts (BENCH_SLICES=1: one after another, as before 2026-12-01).
# The API runs in its own JVM as ./run starts it, and every target first gets BENCH_WARMUP (1000)
# requests one after another: the node has compiled its search path long before, a fresh API has not.
# Then the API alone gets batches of 1000 until its JIT compiler threads use under BENCH_SETTLED_JIT_MS (0.2) ms of
# CPU per request in two batches in a row (at most BENCH_WARMUP_MAX, 30000, requests): it settles at 3,000-5,000
# with search-api/bin/search-api's JIT flag (near 11,000 with the JVM's own thresholds, API_JIT=jvm).
# Then one unmeasured phase of the API at each rate (BENCH_RATE_WARMUP=false skips it): its first concurrent
# requests on new connections make the JIT compile the HTTP paths again.
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

bench_build_search_api
bench_node "${BENCH_ES_PORT:-9272}"
bench_main dev.newssearch.api.bench.ApiBench seeds
