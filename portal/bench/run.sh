#!/usr/bin/env bash
# Portal benchmark (a program that prints figures, not a test): starts the packaged portal against the running local
# suite (deploy/nq57 up, with the sample), signs in through the real Keycloak form as a user, then times each page.
#
#   portal/bench/run.sh [--requests N] [--warmup N] [--user central.admin] [--port 8095]
#
# Prints per page: server time (time to the first byte on loopback, which is the portal's whole work: the parallel
# service calls and the rendering) p50/p95/max, HTML bytes sent (gzip), and the JS+CSS a page loads (gzip); then the
# portal's start time and RSS. Needs curl and python3.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
REQUESTS=200 WARMUP=30 USER_NAME=central.admin PORT=8095
while [ $# -gt 0 ]; do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --user) USER_NAME=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--warmup N] [--user NAME] [--port PORT]" >&2; exit 2 ;;
  esac
done
KC=${NQ57_OIDC_ISSUER:-http://127.0.0.1:${NQ57_KEYCLOAK_PORT:-8180}/realms/nq57}
JAR=$ROOT/portal/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: ./mvnw -pl portal package -DskipTests" >&2; exit 1; }
curl -sf "http://127.0.0.1:$(( ${NQ57_INITIATIVE_PORT:-8081} + ${NQ57_MANAGEMENT_OFFSET:-1000} ))/q/health/ready" >/dev/null || { echo "the local suite is not running: deploy/nq57 up" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE=http://127.0.0.1:$PORT

echo "== portal benchmark, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
t0=$(date +%s%N)
NQ57_PORTAL_PORT=$PORT NQ57_MANAGEMENT_PORT=$((PORT + 1000)) NQ57_OIDC_ISSUER=$KC java -Xmx192m -jar "$JAR" >"$WORK/portal.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/portal.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "started: ready after $ready_ms ms (JVM start included; Quarkus says: $(grep -o 'started in [0-9.]*s' "$WORK/portal.log"))"

# Sign in as a browser would: the portal redirects to Keycloak, the login form is posted, Keycloak redirects back.
jar=$WORK/cookies
login_page=$(curl -s -L -c "$jar" -b "$jar" "$BASE/")
action=$(printf '%s' "$login_page" | python3 -c 'import sys,re,html; m=re.search(r"<form[^>]*action=\"([^\"]+)\"", sys.stdin.read()); print(html.unescape(m.group(1)))')
curl -s -L -c "$jar" -b "$jar" -o "$WORK/home.html" -w '%{url_effective}\n' --data-urlencode "username=$USER_NAME" \
  --data-urlencode "password=${NQ57_DEMO_PASSWORD:-demo-local-only}" "$action" >"$WORK/landed"
grep -q '<main id="main"' "$WORK/home.html" || { echo "sign-in failed: landed on $(cat "$WORK/landed")" >&2; exit 1; }
echo "signed in as $USER_NAME"

token=$(curl -s -d grant_type=password -d client_id=portal -d client_secret="${NQ57_PORTAL_CLIENT_SECRET:-local-dev-only-portal}" \
  -d username=central.admin -d password="${NQ57_DEMO_PASSWORD:-demo-local-only}" "$KC/protocol/openid-connect/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
initiative=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:${NQ57_INITIATIVE_PORT:-8081}/api/v1/initiatives?system=H4&size=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

pages="/ /systems/H4 /agencies/BKHCN /initiatives/$initiative /indicators/R57-RD-GDP /budget /work /report /report/grid?agency=BKHCN /approvals /obstacles /allocations /ranking"
printf '%-52s %8s %8s %8s %10s\n' page p50_ms p95_ms max_ms html_gzip_B
for p in $pages; do
  for _ in $(seq "$WARMUP"); do curl -s -o /dev/null -b "$jar" "$BASE$p"; done
  for _ in $(seq "$REQUESTS"); do
    curl -s -o /dev/null -b "$jar" -H 'Accept-Encoding: gzip' -w '%{time_starttransfer} %{size_download} %{http_code}\n' "$BASE$p"
  done >"$WORK/times"
  python3 - "$p" "$WORK/times" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[2])]
bad = [r for r in rows if r[2] != "200"]
t = sorted(float(r[0]) * 1000 for r in rows)
q = lambda f: t[min(len(t) - 1, int(round(f * (len(t) - 1))))]
print(f"{sys.argv[1][:52]:<52} {q(.5):8.1f} {q(.95):8.1f} {t[-1]:8.1f} {int(rows[-1][1]):10d}" + (f"  ({len(bad)} not 200!)" if bad else ""))
PY
done

# What a page loads besides its HTML: the bundle's JS and CSS, compressed as sent.
assets=$(grep -oE '(src|href)="/static/[^"]+\.(js|css)"' "$WORK/home.html" | sed -E 's/^(src|href)="//; s/"$//' | sort -u)
total=0
for a in $assets; do
  n=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$BASE$a")
  raw=$(curl -s -o /dev/null -w '%{size_download}' "$BASE$a")
  echo "asset $a: $n B gzip ($raw B)"
  total=$((total + n))
done
echo "JS+CSS per page: $total B gzip ($(( total / 1024 )) KiB)"
echo "portal RSS after the run: $(awk '/VmRSS/ {print int($2/1024) " MiB"}' /proc/$PID/status), peak $(awk '/VmHWM/ {print int($2/1024) " MiB"}' /proc/$PID/status)"
