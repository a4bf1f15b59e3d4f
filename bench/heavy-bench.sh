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
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

bench_build_search_api
bench_node "${BENCH_ES_PORT:-9272}" --timeout "${BENCH_START_TIMEOUT:-600}"
bench_main dev.newssearch.api.bench.HeavyQueryBench seeds
