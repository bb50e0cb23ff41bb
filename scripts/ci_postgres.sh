#!/usr/bin/env bash
# Sourced by .ci/run: installs PostgreSQL from Debian's packages when missing, starts a
# throwaway cluster listening on 127.0.0.1 only, creates a database for the tests and
# exports MARSAD_TEST_PG. Nothing listens beyond loopback.
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_DIR="${PG_DIR:-/tmp/marsad-pg}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

if ! su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR status" >/dev/null 2>&1; then
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  su postgres -s /bin/sh -c "$PG_BIN/initdb -D $PG_DIR -A trust -U postgres >/dev/null"
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -w \
    -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp\" start >/dev/null"
fi
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'marsad_test'" \
  | grep -q 1 || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE marsad_test" >/dev/null
export MARSAD_TEST_PG="postgresql://postgres@127.0.0.1:$PG_PORT/marsad_test"
echo "PostgreSQL ready at $MARSAD_TEST_PG"
