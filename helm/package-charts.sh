#!/usr/bin/env bash
# Packages the four application charts and the umbrella chart nq57 (each with its dependencies) into
# helm/target/charts/<name>-<version>.tgz, and prints the commands that push them to an OCI registry; with
# NQ57_CHART_REGISTRY set (e.g. registry.nq57.gov.vn/charts) it pushes them there itself (after `helm registry login`).
# Needs helm 3.8 or newer.
#   helm/package-charts.sh
#   NQ57_CHART_REGISTRY=registry.nq57.gov.vn/charts helm/package-charts.sh
# A ministry then installs the pushed umbrella chart without this repository:
#   helm upgrade --install nq57 oci://registry.nq57.gov.vn/charts/nq57 --version <version> -f values-ministry.yaml
set -euo pipefail
cd "$(dirname "$0")"
out=target/charts
rm -rf "$out"
mkdir -p "$out"
if command -v helm >/dev/null 2>&1; then
  charts="charts/initiative-service charts/kpi-service charts/budget-service charts/portal"
  for chart in $charts; do
    helm dependency update "$chart" >/dev/null
    helm package "$chart" --destination "$out" >/dev/null
  done
  # the umbrella's file:// dependencies are the charts above, packaged into its charts/ by dependency update
  helm dependency update nq57 >/dev/null
  helm package nq57 --destination "$out" >/dev/null
else
  # no helm here: the build packages them with its embedded Helm (ChartPackagesTest checks every package)
  echo "no helm on the PATH: packaging with the build's embedded Helm (./mvnw -pl helm verify -Dtest=ChartPackagesTest)"
  (cd .. && ./mvnw -B -q -ntp verify -pl helm -Dtest=ChartPackagesTest -Dsurefire.failIfNoSpecifiedTests=false)
fi
registry=${NQ57_CHART_REGISTRY:-}
echo "Packaged into helm/$out:"
for tgz in "$out"/*.tgz; do
  echo "  $(basename "$tgz")"
done
echo
echo "To publish them (after: helm registry login <registry host>):"
for tgz in "$out"/*.tgz; do
  echo "  helm push helm/$tgz oci://${registry:-<registry>/charts}"
done
if [ -n "$registry" ]; then
  command -v helm >/dev/null 2>&1 || { echo "pushing needs helm 3.8+ on the PATH" >&2; exit 1; }
  for tgz in "$out"/*.tgz; do
    helm push "$tgz" "oci://$registry"
  done
fi
