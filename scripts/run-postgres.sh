#!/usr/bin/env bash
# Runs Debian's PostgreSQL 15 in the foreground on loopback, initialising the data folder once.
# Usage: run-postgres.sh DATA_DIR PORT   (password for user postgres in $FLEET_POSTGRES_PASSWORD, used at initdb)
# PostgreSQL refuses to run as root, so the server runs as the postgres user, which owns the data folder.
set -euo pipefail
dir=$(realpath -m "$1"); port=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"; chmod 700 "$dir"
  # postgres must be able to reach the folder through its parents.
  p=$(dirname "$dir"); while [ "$p" != / ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  pwfile=$(mktemp); printf '%s\n' "${FLEET_POSTGRES_PASSWORD:?set FLEET_POSTGRES_PASSWORD}" > "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  as_pg "$bin/initdb" -D "$dir" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "CREATE DATABASE fleet;" | as_pg "$bin/postgres" --single -D "$dir" postgres >/dev/null
fi
exec_pg() { if [ "$(id -u)" = 0 ]; then exec runuser -u postgres -- "$@"; else exec "$@"; fi; }
exec_pg "$bin/postgres" -D "$dir" -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$dir" \
  -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c logging_collector=off
