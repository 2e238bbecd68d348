#!/usr/bin/env bash
# Soak program (issue #19 §4): central's suite (Keycloak, Kafka, the three packaged services) under mixed load for a
# while: values written at 20/s, reads at 10/s, 50 live-stream subscribers, a CSV upload every minute; prints RSS and
# heap after GC of each service every minute, then errors and whether every subscriber got every change once.
# Usage: e2e/bench-soak.sh [minutes=30]   (package the services first: ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/e2e/target/bench.classpath" \
  -Dmdep.includeScope=test
exec java -Dnq57.repo="$PWD" -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" \
  vn.nq57.e2e.bench.SoakBench "${1:-30}"
