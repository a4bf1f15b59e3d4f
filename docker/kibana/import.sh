#!/bin/sh
# Imports the saved objects (data view on the news-paragraphs alias, saved search, visualizations,
# dashboard) into Kibana once it answers. Usage: sh docker/kibana/import.sh [http://localhost:5601]
# With security on: KIBANA_USER and KIBANA_PASSWORD_FILE (the password is handed to curl on stdin).
kibana=${1:-http://localhost:5601}
dir=$(dirname "$0")
auth() {
  if [ -n "${KIBANA_USER:-}" ]; then
    printf 'user = "%s:%s"\n' "$KIBANA_USER" "$(cat "$KIBANA_PASSWORD_FILE")"
  fi
}
i=0
until auth | curl -fs -K - "$kibana/api/status" >/dev/null; do
  i=$((i + 1)); [ "$i" -gt 60 ] && { echo "Kibana at $kibana did not answer in 5 minutes" >&2; exit 1; }
  sleep 5
done
auth | curl -fsS -K - -X POST "$kibana/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
  --form file=@"$dir/news-paragraphs.ndjson" && echo && echo "imported; open $kibana/app/dashboards"
