#!/usr/bin/env bash
# Hand-over benchmark (issue #20): central holds N values for BKHCN's agencies (with their history and audit entries);
# commissioning bkhcn's kpi-service hands them over: the time until bkhcn reports FEDERATED (the window in which
# writes for the moving values are refused) and the rate; then bkhcn's kpi database is emptied and the service
# rebuilds itself from central: the time until every row is back. Starts central + the ministry instances like the
# e2e tests and stops everything at the end.
# Usage: e2e/bench-handover.sh [values=100000]   (package the services first: ./mvnw install -DskipTests)
exec "$(dirname "$0")/bench-run.sh" HandoverBench "${1:-100000}"
