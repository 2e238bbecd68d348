#!/usr/bin/env bash
# Packages the charts' file:// dependencies (the library chart into each service chart and the portal chart, then those into
# the umbrella chart), as `helm install helm/nq57` needs them. Run again after changing any chart.
set -euo pipefail
cd "$(dirname "$0")"
for chart in charts/initiative-service charts/kpi-service charts/budget-service charts/portal; do
  helm dependency update "$chart"
done
helm dependency update nq57
