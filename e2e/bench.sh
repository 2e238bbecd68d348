#!/usr/bin/env bash
# End-to-end latency benchmark: POST a measurement -> the change on initiative-service's SSE stream (p50/p99).
# Starts the real suite like the e2e tests (Keycloak, Kafka, the three packaged services) and stops it at the end.
# Usage: e2e/bench.sh [count=300] [rate per second=10] [replicas of initiative-service=1]   (package the services first: ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/e2e/target/bench.classpath" \
  -Dmdep.includeScope=test
exec java -Dnq57.repo="$PWD" -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" \
  vn.nq57.e2e.bench.LatencyBench "${1:-300}" "${2:-10}" "${3:-1}"
