#!/usr/bin/env bash
# The kpi-service benchmark (a program, not a test). Packages the service (skip with --no-build), recreates its own
# database nq57_kpi_bench on the local PostgreSQL, starts the packaged service as it runs in production
# (java -jar quarkus-run.jar, prod profile) on port 18082 trusting the test-only JWT key of the platform test-jar,
# runs KpiBench.java (JDK + pgjdbc only) and stops the service. Other arguments go to KpiBench, e.g.
#   kpi-service/bench/run.sh --no-build --rate 200 --seconds 20 --scorecard-indicators 2000 --scorecard-months 60
# The outbox relay is slowed to once an hour (no Kafka broker in the benchmark): events are still written to the
# outbox in each transaction, they are just not sent.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PORT=${BENCH_PORT:-18082}
DB=${BENCH_DB:-nq57_kpi_bench}
# BENCH_PG_PORT: another local PostgreSQL (e.g. a throwaway cluster with pg_stat_statements for profiling).
export PGPORT=${BENCH_PG_PORT:-5432}
if [ "${1:-}" = "--no-build" ]; then shift; else ./mvnw -q -B -ntp package -pl kpi-service -am -DskipTests; fi
dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB"
createdb -h 127.0.0.1 -U postgres -E UTF8 -T template0 "$DB"
PGJDBC=$(ls kpi-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -n 1)
LOG=kpi-service/target/bench-service.log
# BENCH_APP: another packaged quarkus-app folder to measure (e.g. a copy of an earlier build).
# BENCH_SERVICE_OPTS: extra JVM options for the service, e.g. a flight recording
#   BENCH_SERVICE_OPTS=-XX:StartFlightRecording=filename=/tmp/kpi.jfr,settings=profile
# shellcheck disable=SC2086
NQ57_KPI_PORT=$PORT NQ57_MANAGEMENT_PORT=$((PORT + 1000)) NQ57_KPI_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" java -Xmx1g ${BENCH_SERVICE_OPTS:-} \
  -Dmp.jwt.verify.publickey.location="file:$ROOT/platform/src/test/resources/nq57-test-publicKey.pem" \
  -Dmp.jwt.verify.issuer=https://test.nq57.local/realms/nq57 \
  -Dnq57.outbox.relay-interval=1h -Dnq57.outbox.wake-on-commit=false \
  -jar "${BENCH_APP:-kpi-service/target/quarkus-app}/quarkus-run.jar" > "$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/live" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/live" >/dev/null || { echo "the service did not start; see $LOG" >&2; exit 1; }
java -Xmx1g -cp "$PGJDBC" kpi-service/bench/KpiBench.java --base "http://127.0.0.1:$PORT" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PGPORT/$DB?user=postgres" \
  --key platform/src/test/resources/nq57-test-privateKey.pem --service-pid "$PID" "$@"
