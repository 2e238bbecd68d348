#!/usr/bin/env bash
# End-to-end latency benchmark: POST a measurement -> the change on initiative-service's SSE stream (p50/p99).
# Starts the real suite like the e2e tests (Keycloak, Kafka, the three packaged services) and stops it at the end.
# Usage: e2e/bench.sh [count=300] [rate per second=10] [replicas of initiative-service=1]   (package the services first: ./mvnw install -DskipTests)
exec "$(dirname "$0")/bench-run.sh" LatencyBench "${1:-300}" "${2:-10}" "${3:-1}"
