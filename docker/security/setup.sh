#!/bin/sh
# Security setup of the compose stack, in two steps (run by the compose file's setup services):
#
#   setup.sh passwords      before Elasticsearch starts: a random password per account into /secrets
#                           (elastic, kibana_system, news_indexer, news_api); existing ones are kept
#   setup.sh users URL      once Elasticsearch answers: sets kibana_system's password, creates the roles
#                           roles/<name>.json and the users news_indexer and news_api with their passwords
#
# Passwords never appear in a command line or a log: curl reads the credentials from a config on stdin
# and request bodies from a private temporary file.
set -eu
secrets=${SECRETS_DIR:-/secrets}
here=$(dirname "$0")

generate() {
  umask 077
  mkdir -p "$secrets"
  for account in elastic kibana_system news_indexer news_api; do
    if [ ! -s "$secrets/$account" ]; then
      # 32 characters from [A-Za-z0-9]: no shell, URL or JSON quoting needed anywhere
      tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32 > "$secrets/$account"
      echo "generated a password for $account in $secrets/$account"
    fi
  done
  # Elasticsearch, Kibana and the app images all run as uid 1000 (gid 0) and read their own file
  chown -R 1000:0 "$secrets"
  chmod 0750 "$secrets"
  chmod 0440 "$secrets"/*
}

# es METHOD PATH [BODY_FILE]: a request as elastic
es() {
  printf 'user = "elastic:%s"\n' "$(cat "$secrets/elastic")" | curl -fsS -K - -X "$1" "$url$2" \
    -H 'Content-Type: application/json' ${3:+--data-binary "@$3"}
}

# body FILE JSON: writes a request body only this user can read
body() {
  (umask 077 && printf '%s' "$2" > "$1")
}

users() {
  url=$1
  i=0
  until es GET /_security/_authenticate >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -gt 60 ] && { echo "Elasticsearch at $url did not accept elastic in 5 minutes" >&2; exit 1; }
    sleep 5
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  body "$tmp/kibana" "{\"password\":\"$(cat "$secrets/kibana_system")\"}"
  es POST /_security/user/kibana_system/_password "$tmp/kibana" >/dev/null
  for file in "$here"/roles/*.json; do
    role=$(basename "$file" .json)
    es PUT "/_security/role/$role" "$file" >/dev/null
    echo "role $role set from $file"
  done
  body "$tmp/indexer" "{\"password\":\"$(cat "$secrets/news_indexer")\",\"roles\":[\"news_indexer\"]}"
  es PUT /_security/user/news_indexer "$tmp/indexer" >/dev/null
  body "$tmp/api" "{\"password\":\"$(cat "$secrets/news_api")\",\"roles\":[\"news_reader\"]}"
  es PUT /_security/user/news_api "$tmp/api" >/dev/null
  echo "users news_indexer (role news_indexer) and news_api (role news_reader) set; kibana_system password set"
}

case "${1:-}" in
  passwords) generate ;;
  users) users "${2:-http://elasticsearch:9200}" ;;
  *) echo "usage: setup.sh passwords | users [ES_URL]" >&2; exit 2 ;;
esac
