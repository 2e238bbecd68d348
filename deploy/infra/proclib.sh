# Process helpers shared by identity/keycloak.sh, deploy/infra/kafka.sh and deploy/nq57 (sourced, not run).

# proc_port_taken HOST PORT: returns 0 when something listens there, printing who (if ss can tell).
proc_port_taken() {
  local host=$1 port=$2
  if command -v ss >/dev/null; then
    local out; out=$(ss -Hltnp "sport = :$port" 2>/dev/null || true)
    [ -n "$out" ] && { echo "$out"; return 0; }
    return 1
  fi
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# proc_pid_from_file FILE [MATCH]: prints the pid in FILE if that process is alive and (when MATCH is given) its
# command line contains MATCH, so that a stale pid file never makes a stop signal an unrelated process.
proc_pid_from_file() {
  local file=$1 match=${2:-}
  [ -f "$file" ] || return 1
  local pid; pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -n "$match" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$match" || return 1
  fi
  echo "$pid"
}

# proc_stop NAME PID [WAIT_S]: SIGTERM to the process group the scripts start each process in (or the pid alone),
# wait up to WAIT_S seconds (default 60), then SIGKILL.
proc_stop() {
  local name=$1 pid=$2 wait_s=${3:-60} i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 2; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name: still running after $wait_s s; sending SIGKILL" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
}
