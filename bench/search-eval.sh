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
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

bench_build_search_api
bench_node "${EVAL_ES_PORT:-9273}"
bench_main dev.newssearch.api.bench.SearchEval seeds eval/search/seeds-judged.tsv
