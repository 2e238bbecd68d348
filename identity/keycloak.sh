#!/usr/bin/env bash
# Local Keycloak for NQ57 (dev mode, realm nq57 imported from identity/realm-nq57.json).
#
#   identity/keycloak.sh start [--reset]   download once, start in the background, wait until the realm answers
#   identity/keycloak.sh stop              SIGTERM, wait for exit
#   identity/keycloak.sh status            running or not, URLs
#   identity/keycloak.sh token USER [PASSWORD]          access token (password grant on the confidential client
#                                                       portal, with its secret NQ57_PORTAL_CLIENT_SECRET)
#   identity/keycloak.sh client-token CLIENT_ID SECRET  access token (client credentials)
#
# Everything here is LOCAL ONLY: bootstrap admin admin/admin, demo passwords, client secrets.
# Environment: NQ57_CACHE (default ~/.cache/nq57), NQ57_RUN_DIR (default <repo>/.run), NQ57_LOG_DIR
# (default <run dir>/logs), NQ57_KEYCLOAK_PORT (8180), NQ57_KEYCLOAK_TIMEOUT (300 s), NQ57_KEYCLOAK_HEAP
# (default 512m), NQ57_PORTAL_CLIENT_SECRET (default local-dev-only-portal, as in realm-nq57.json), JAVA_HOME,
# NQ57_KEYCLOAK_EXTRA_REALMS (more realm files to import, space-separated; the e2e tests' production realm).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
KC_VERSION=26.5.6
REALM=nq57
CACHE=${NQ57_CACHE:-$HOME/.cache/nq57}
RUN_DIR=${NQ57_RUN_DIR:-$ROOT/.run}
LOG_DIR=${NQ57_LOG_DIR:-$RUN_DIR/logs}
PORT=${NQ57_KEYCLOAK_PORT:-8180}
HOST=127.0.0.1
TIMEOUT=${NQ57_KEYCLOAK_TIMEOUT:-300}
HEAP=${NQ57_KEYCLOAK_HEAP:-512m}
KC_HOME=$CACHE/keycloak-$KC_VERSION
STATE_DIR=$RUN_DIR/keycloak            # this instance's data (H2 database) — persists between runs
PID_FILE=$RUN_DIR/keycloak.pid
LOG=$LOG_DIR/keycloak.log
BASE_URL=http://$HOST:$PORT
ISSUER=$BASE_URL/realms/$REALM
# The confidential client portal: its LOCAL-ONLY secret, as in realm-nq57.json (the token command sends it).
PORTAL_CLIENT_SECRET=${NQ57_PORTAL_CLIENT_SECRET:-local-dev-only-portal}

# shellcheck source=../deploy/infra/proclib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/infra/proclib.sh"

die() { echo "keycloak: $*" >&2; exit 1; }
info() { echo "keycloak: $*"; }

pick_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    [ -x "$JAVA_HOME/bin/java" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java"
  elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  else
    command -v java >/dev/null || die "no Java found: set JAVA_HOME or put java (17+) on the PATH"
  fi
}

# The pid of a Keycloak started from $KC_HOME (kc.sh, or the java it became); never an unrelated process.
running_pid() { proc_pid_from_file "$PID_FILE" "$KC_HOME"; }

# Prints who listens on the port (if ss can tell) and returns 0 when it is taken.
port_taken() { proc_port_taken "$HOST" "$1"; }

ensure_dist() {
  [ -f "$KC_HOME/bin/kc.sh" ] && return 0
  mkdir -p "$CACHE/downloads"
  local zip="$CACHE/downloads/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [ ! -s "$zip" ]; then
    info "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip (165 MB, once) into $CACHE/downloads ..."
    (cd "$ROOT" && ./mvnw -q -B -ntp dependency:copy \
        -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$CACHE/downloads") \
      || die "download failed (Maven Central reachable? see output above)"
  fi
  info "unpacking into $KC_HOME ..."
  local tmp; tmp=$(mktemp -d "$CACHE/unpack.XXXXXX")
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp"
  else
    (cd "$tmp" && jar xf "$zip")
  fi
  [ -f "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ] || { rm -rf "$tmp"; die "unexpected archive layout in $zip"; }
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rmdir "$tmp"
  rm -f "$zip"   # the unpacked copy is the cache (Maven also keeps the zip in ~/.m2)
}

cmd_start() {
  local reset=false
  for a in "$@"; do
    case $a in
      --reset) reset=true ;;
      *) die "start: unknown option $a (use --reset)" ;;
    esac
  done
  if pid=$(running_pid); then
    $reset && die "running (pid $pid): stop it before start --reset"
    info "already running (pid $pid) on $BASE_URL"
    return 0
  fi
  local who
  if who=$(port_taken "$PORT"); then
    die "port $PORT on $HOST is already in use — set NQ57_KEYCLOAK_PORT or stop the other process:
$who"
  fi
  pick_java
  ensure_dist
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if $reset; then
    info "--reset: wiping $STATE_DIR (the realm will be imported again)"
    rm -rf "$STATE_DIR"
  fi
  mkdir -p "$STATE_DIR" "$KC_HOME/data/import"
  # the import folder belongs to the shared distribution: only this start's realms in it
  find "$KC_HOME/data/import" -maxdepth 1 -name '*.json' -delete
  cp "$HERE/realm-nq57.json" "$KC_HOME/data/import/realm-nq57.json"
  local extra
  for extra in ${NQ57_KEYCLOAK_EXTRA_REALMS:-}; do   # more realm files (tests), each with a realm name of its own
    cp "$extra" "$KC_HOME/data/import/$(basename "$extra")"
  done

  local t0=$SECONDS
  local log_from=1
  [ -f "$LOG" ] && log_from=$(( $(wc -l <"$LOG") + 1 ))
  info "starting Keycloak $KC_VERSION on $BASE_URL (java: ${JAVA_HOME:-$(command -v java)}; log: $LOG)"
  {
    echo "=== $(date -u +%FT%TZ) start (port $PORT, data $STATE_DIR)"
  } >>"$LOG"
  # setsid: its own process group, detached from this terminal; kc.sh forwards SIGTERM to its java child.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$HEAP" \
  JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED ${JAVA_OPTS_APPEND:-}" \
    setsid bash "$KC_HOME/bin/kc.sh" start-dev \
      --http-port "$PORT" --http-host "$HOST" \
      --db-url-path "$STATE_DIR" \
      --import-realm </dev/null >>"$LOG" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  local url=$ISSUER/.well-known/openid-configuration
  # The readiness timeout counts from the end of Keycloak's build (first start, or after a configuration change):
  # the build alone takes 1-2 minutes on a busy 2-core machine.
  local built=false t_wait=$SECONDS
  printf 'keycloak: waiting for %s ' "$url"
  while :; do
    if ! $built && tail -n +"$log_from" "$LOG" | grep -q 'Quarkus augmentation completed'; then
      built=true
      t_wait=$SECONDS
      printf ' (built in %d s) ' "$((SECONDS - t0))"
    fi
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      echo
      info "ready in $((SECONDS - t0)) s (pid $pid) — issuer $ISSUER, admin console $BASE_URL/admin (admin/admin, local only)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo
      rm -f "$PID_FILE"
      echo "keycloak: the process exited before becoming ready; last lines of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    if [ $((SECONDS - t_wait)) -ge "$TIMEOUT" ]; then
      echo
      echo "keycloak: not ready after $TIMEOUT s (NQ57_KEYCLOAK_TIMEOUT); it is still running as pid $pid; last lines of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    printf '.'
    sleep 2
  done
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    info "not running"
    return 0
  fi
  info "stopping (pid $pid) ..."
  proc_stop keycloak "$pid" 60
  # its java child, should kc.sh have gone first (the group holds only what start launched)
  kill -TERM -- "-$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  info "stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    local rss=""
    local jpid; jpid=$(pgrep -g "$pid" java 2>/dev/null | head -n 1 || true)
    [ -n "$jpid" ] && rss=" java RSS $(($(awk '/VmRSS/{print $2}' "/proc/$jpid/status") / 1024)) MB"
    if curl -fsS -o /dev/null --max-time 2 "$ISSUER/.well-known/openid-configuration" 2>/dev/null; then
      info "running (pid $pid$rss), realm $REALM ready at $ISSUER"
    else
      info "running (pid $pid$rss), realm $REALM not answering (yet) at $ISSUER"
    fi
    return 0
  fi
  info "not running (port $PORT)"
  return 3
}

token_request() {
  local out
  out=$(curl -sS --max-time 10 "$ISSUER/protocol/openid-connect/token" "$@") || die "token request failed: Keycloak not reachable at $BASE_URL"
  local tok; tok=$(printf '%s' "$out" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$tok" ] || die "no token: $out"
  printf '%s\n' "$tok"
}

cmd_token() {
  [ $# -ge 1 ] || die "usage: token USER [PASSWORD]   (demo password: demo-local-only)"
  token_request -d grant_type=password -d client_id=portal --data-urlencode "client_secret=$PORTAL_CLIENT_SECRET" \
    --data-urlencode "username=$1" --data-urlencode "password=${2:-demo-local-only}"
}

cmd_client_token() {
  [ $# -eq 2 ] || die "usage: client-token CLIENT_ID SECRET"
  token_request -d grant_type=client_credentials --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  token) shift; cmd_token "$@" ;;
  client-token) shift; cmd_client_token "$@" ;;
  *) echo "usage: $0 start [--reset] | stop | status | token USER [PASSWORD] | client-token CLIENT_ID SECRET" >&2; exit 2 ;;
esac
