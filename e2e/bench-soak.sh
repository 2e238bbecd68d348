#!/usr/bin/env bash
# Soak program (issue #19 §4): central's suite (Keycloak, Kafka, the three packaged services) under mixed load for a
# while: values written at 20/s, reads at 10/s, 50 live-stream subscribers, a CSV upload every minute; prints RSS and
# heap after GC of each service every minute, then errors and whether every subscriber got every change once.
# Usage: e2e/bench-soak.sh [minutes=30]   (package the services first: ./mvnw install -DskipTests)
exec "$(dirname "$0")/bench-run.sh" SoakBench "${1:-30}"
