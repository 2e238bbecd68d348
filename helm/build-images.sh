#!/usr/bin/env bash
# Builds and pushes the container images of the NQ57 services and the portal with Jib (no Docker daemon).
# Usage: helm/build-images.sh [-Dquarkus.container-image.registry=...] [-Dquarkus.container-image.tag=...] [...]
#   NQ57_SERVICES="initiative-service portal" helm/build-images.sh    (default: every service and the portal, if present)
# Registry credentials: quarkus.container-image.username/password, or a docker config.json (~/.docker/config.json)
# with the registry's auth, which Jib reads.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${NQ57_SERVICES:-}
if [ -z "$services" ]; then
  for s in initiative-service kpi-service budget-service portal; do
    [ -f "$s/pom.xml" ] || continue
    if ! grep -q "<module>$s</module>" pom.xml; then
      echo "skipping $s: not a module of the root pom.xml yet" >&2
      continue
    fi
    if grep -q '<artifactId>quarkus-container-image-jib</artifactId>' "$s/pom.xml"; then
      services="$services $s"
    else
      echo "skipping $s: its pom.xml lacks the io.quarkus:quarkus-container-image-jib dependency" >&2
    fi
  done
fi
[ -n "$services" ] || { echo "no service to build" >&2; exit 1; }
props=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  props+=("-D$line")
done < helm/images.properties
modules=$(echo $services | tr ' ' ',')
set -x
./mvnw -B package -DskipTests -pl "$modules" -am "${props[@]}" "$@"
