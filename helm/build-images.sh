#!/usr/bin/env bash
# Builds and pushes the container images of the NQ57 services and the portal with Jib (no Docker daemon).
# Usage: helm/build-images.sh [-Dquarkus.container-image.registry=...] [-Dquarkus.container-image.tag=...] [...]
#   NQ57_SERVICES="initiative-service portal" helm/build-images.sh    (default: every service and the portal, if present)
# Registry credentials: quarkus.container-image.username/password, or a docker config.json (~/.docker/config.json)
# with the registry's auth, which Jib reads.
# A release has a release tag: -Dquarkus.container-image.tag=0.1.0 (a -SNAPSHOT tag is refused unless
# NQ57_ALLOW_SNAPSHOT=true). After the push it writes helm/target/release-images.yaml: each image's tag and digest
# (Jib's target/jib-image.digest) as umbrella-chart values, so a release installs exactly the images built here:
#   helm upgrade --install nq57 helm/nq57 -f helm/nq57/values-ministry.yaml -f helm/target/release-images.yaml
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
tag=""
for a in "$@"; do case "$a" in -Dquarkus.container-image.tag=*) tag=${a#*=} ;; esac; done
if [ -z "$tag" ]; then
  tag=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)   # the project's version
fi
case "$tag" in
  *SNAPSHOT*) [ "${NQ57_ALLOW_SNAPSHOT:-false}" = true ] || {
      echo "refusing to push the tag '$tag': a release needs -Dquarkus.container-image.tag=<version> (NQ57_ALLOW_SNAPSHOT=true for a test registry)" >&2
      exit 1; } ;;
esac
modules=$(echo $services | tr ' ' ',')
for s in $services; do rm -f "$s/target/jib-image.digest"; done
(set -x; ./mvnw -B package -DskipTests -pl "$modules" -am "${props[@]}" -Dquarkus.container-image.tag="$tag" "$@")
mkdir -p helm/target
out=helm/target/release-images.yaml
{
  echo "# The images of release $tag, written by helm/build-images.sh on $(date -u +%FT%TZ): pass with -f after your values."
  for s in $services; do
    digest=$(cat "$s/target/jib-image.digest" 2>/dev/null || true)
    [ -n "$digest" ] || { echo "no digest for $s (target/jib-image.digest): was the image pushed?" >&2; exit 1; }
    printf '%s:\n  image:\n    tag: "%s"\n    digest: "%s"\n' "$s" "$tag" "$digest"
  done
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
