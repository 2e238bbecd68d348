#!/usr/bin/env bash
# Federation benchmark: lag from a ministry write to its visibility at central (p50/p99) at a steady load, and the
# catch-up throughput after an outage of central. Starts central + the bkhcn and byt ministry instances like the e2e
# tests (Keycloak, Kafka, nine packaged services) and stops everything at the end.
# Usage: e2e/bench-federation.sh [writes=300] [rate per second=10] [outage seconds=600] [events posted straight to central=0]
#        [alone: only central's kpi-service runs while it applies them; its scorecard catches up afterwards]
#        (package the services first: ./mvnw install -DskipTests)
exec "$(dirname "$0")/bench-run.sh" FederationBench "${1:-300}" "${2:-10}" "${3:-600}" "${4:-0}" ${5:+"$5"}
