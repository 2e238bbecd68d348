#!/usr/bin/env bash
# Interim run command (until deploy/ lands): builds initiative-service if needed and runs it on this machine
# against the local PostgreSQL (127.0.0.1:5432, database nq57_initiative, created if missing).
# Tokens are checked against the Keycloak realm at NQ57_OIDC_ISSUER (default http://127.0.0.1:8180/realms/nq57).
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${NQ57_PGHOST:-127.0.0.1}; PORT=${NQ57_PGPORT:-5432}
pg_isready -h "$HOST" -p "$PORT" -q || { echo "PostgreSQL is not answering on $HOST:$PORT (see README: Requirements)" >&2; exit 1; }
psql -h "$HOST" -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='nq57_initiative'" | grep -q 1 \
  || createdb -h "$HOST" -p "$PORT" -U postgres -E UTF8 -T template0 nq57_initiative
JAR=initiative-service/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find platform/src initiative-service/src -newer "$JAR" -type f | head -n 1)" ]; then
  echo "Building initiative-service ..."
  ./mvnw -B -q -ntp install -pl platform,initiative-service -DskipTests
fi
echo "initiative-service on http://127.0.0.1:${NQ57_INITIATIVE_PORT:-8081} (Swagger UI: /q/swagger-ui; health http://127.0.0.1:${NQ57_MANAGEMENT_PORT:-9000}/q/health)"
exec java ${NQ57_JAVA_OPTS:--Xmx256m} -jar "$JAR"
