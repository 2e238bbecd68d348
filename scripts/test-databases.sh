#!/usr/bin/env bash
# Makes sure the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres) runs, then (re)creates the service
# databases the tests use. Usage: scripts/test-databases.sh [--keep]   (--keep: create missing ones, drop nothing)
set -euo pipefail
HOST=${NQ57_PGHOST:-127.0.0.1}
PORT=${NQ57_PGPORT:-5432}
USER_NAME=${NQ57_PGUSER:-postgres}
KEEP=${1:-}

if ! pg_isready -h "$HOST" -p "$PORT" -q 2>/dev/null; then
  echo "PostgreSQL is not answering on $HOST:$PORT; starting the machine's cluster"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  else
    echo "No PostgreSQL cluster found: install PostgreSQL 15+ (apt-get install postgresql) and re-run" >&2
    exit 1
  fi
  for _ in $(seq 1 30); do pg_isready -h "$HOST" -p "$PORT" -q && break; sleep 1; done
  pg_isready -h "$HOST" -p "$PORT" -q || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

for db in nq57_initiative_test nq57_kpi_test nq57_budget_test; do
  if [ "$KEEP" != "--keep" ]; then
    dropdb -h "$HOST" -p "$PORT" -U "$USER_NAME" --if-exists --force "$db"
  fi
  if ! psql -h "$HOST" -p "$PORT" -U "$USER_NAME" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    createdb -h "$HOST" -p "$PORT" -U "$USER_NAME" -E UTF8 -T template0 "$db"
    echo "created database $db"
  fi
done
