#!/usr/bin/env bash
# Runs one benchmark program of e2e/src/test/java/vn/nq57/e2e/bench (the bench*.sh scripts call it): compiles the e2e
# module's test classes, then runs the class with the given arguments from the repository's root.
# Usage: e2e/bench-run.sh CLASS [ARG...]   (package the services first: ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
class=$1
shift
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/e2e/target/bench.classpath" \
  -Dmdep.includeScope=test
exec java -Dnq57.repo="$PWD" -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" \
  "vn.nq57.e2e.bench.$class" "$@"
