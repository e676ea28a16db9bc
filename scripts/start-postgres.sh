#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for the contract tests and prints the URL to use as
# LINKWRIGHT_PG_URL. Installs Debian's postgresql when it is missing (CI machines start without it).
# Usage: eval "$(scripts/start-postgres.sh)"   → exports LINKWRIGHT_PG_URL
set -euo pipefail
PORT="${LINKWRIGHT_PG_PORT:-54329}"
DATA_DIR="${LINKWRIGHT_PG_DATA:-/tmp/linkwright-pg-$PORT}"

pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
if [ -z "$pg_bin" ]; then
  echo "installing postgresql from Debian's packages…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
fi
[ -n "$pg_bin" ] || { echo "postgresql could not be installed" >&2; exit 1; }

run_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! run_as_pg "$pg_bin/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA_DIR"
  run_as_pg "$pg_bin/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 >/dev/null
  run_as_pg "$pg_bin/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR -c fsync=off" start >/dev/null
fi
echo "export LINKWRIGHT_PG_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
