#!/usr/bin/env bash
# Validates docker/docker-compose.yml without a Docker engine: `docker-compose config` (Debian's
# docker-compose package, installed here when missing) must accept it, every published port must be
# bound to 127.0.0.1 and security must be on. Run by .ci/run; usable by hand: bash docker/check-compose.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "==> installing docker-compose (Debian package) to validate docker/docker-compose.yml"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "docker-compose is missing and cannot be installed here (needs apt-get as root)" >&2
    exit 1
  fi
fi
config=$(docker-compose -f docker/docker-compose.yml config)
if printf '%s\n' "$config" | grep -E '^\s*- ([0-9]+:|0\.0\.0\.0:)[0-9]+' >/dev/null; then
  echo "docker-compose.yml publishes a port on every interface:" >&2
  printf '%s\n' "$config" | grep -E '^\s*- ([0-9]+:|0\.0\.0\.0:)[0-9]+' >&2
  exit 1
fi
printf '%s\n' "$config" | grep -q 'xpack.security.enabled: "true"' \
  || { echo "docker-compose.yml: Elasticsearch security is not on" >&2; exit 1; }
echo "docker/docker-compose.yml: valid, security on, ports on 127.0.0.1 only"
