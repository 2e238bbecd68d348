#!/usr/bin/env bash
# Local Kafka 4.1.2 broker for NQ57: one KRaft node (broker + controller) on loopback, from Maven Central jars.
#
#   deploy/infra/kafka.sh start [--reset]   resolve jars once, format storage once, start, wait, create the topics
#   deploy/infra/kafka.sh stop              SIGTERM, wait for exit
#   deploy/infra/kafka.sh status            running or not
#   deploy/infra/kafka.sh topics            describe the topics (internal ones excluded)
#   deploy/infra/kafka.sh ensure-topics P…  create the topics for more instance prefixes on the running broker ("" = none)
#   deploy/infra/kafka.sh tool CLASS ARGS   run a Kafka tool on the cached classpath, e.g.
#       deploy/infra/kafka.sh tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server 127.0.0.1:9092 \
#         --topic nq57.kpi.v1 --from-beginning
#
# Environment: NQ57_CACHE (default ~/.cache/nq57), NQ57_RUN_DIR (default <repo>/.run), NQ57_LOG_DIR
# (default <run dir>/logs), NQ57_KAFKA_PORT (9092), NQ57_KAFKA_CONTROLLER_PORT (9093), NQ57_KAFKA_HEAP (512m),
# NQ57_TOPIC_PREFIX (default empty: nq57.kpi.v1; e.g. "bkhcn." gives bkhcn.nq57.kpi.v1),
# NQ57_KAFKA_PARTITIONS (3), NQ57_KAFKA_TIMEOUT (120 s), JAVA_HOME.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KAFKA_VERSION=4.1.2
CACHE=${NQ57_CACHE:-$HOME/.cache/nq57}
RUN_DIR=${NQ57_RUN_DIR:-$ROOT/.run}
LOG_DIR=${NQ57_LOG_DIR:-$RUN_DIR/logs}
HOST=127.0.0.1
PORT=${NQ57_KAFKA_PORT:-9092}
CPORT=${NQ57_KAFKA_CONTROLLER_PORT:-9093}
HEAP=${NQ57_KAFKA_HEAP:-512m}
PREFIX=${NQ57_TOPIC_PREFIX:-}
PARTITIONS=${NQ57_KAFKA_PARTITIONS:-3}
TIMEOUT=${NQ57_KAFKA_TIMEOUT:-120}
TOPICS="nq57.initiatives.v1 nq57.kpi.v1 nq57.budget.v1"
# keyed by the pom's content: editing the pom resolves again
CP_FILE=$CACHE/kafka-$KAFKA_VERSION-$(cksum <"$HERE/kafka-classpath/pom.xml" | cut -d' ' -f1).classpath
LOG4J=$HERE/kafka-classpath/log4j2.properties
STATE_DIR=$RUN_DIR/kafka               # server.properties and the data (log.dirs) — persists between runs
DATA_DIR=$STATE_DIR/data
PROPS=$STATE_DIR/server.properties
PID_FILE=$RUN_DIR/kafka.pid
LOG=$LOG_DIR/kafka.log
BOOTSTRAP=$HOST:$PORT

# shellcheck source=proclib.sh
. "$(dirname "${BASH_SOURCE[0]}")/proclib.sh"

die() { echo "kafka: $*" >&2; exit 1; }
info() { echo "kafka: $*"; }

pick_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    [ -x "$JAVA_HOME/bin/java" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java"
    JAVA=$JAVA_HOME/bin/java
  else
    JAVA=$(command -v java) || die "no Java found: set JAVA_HOME or put java (17+) on the PATH"
  fi
}

# Resolves the broker + tools classpath once (92 jars from Maven Central into ~/.m2); re-resolves if a jar vanished.
classpath() {
  if [ -s "$CP_FILE" ]; then
    local missing; missing=$(tr ':' '\n' <"$CP_FILE" | while read -r j; do [ -f "$j" ] || echo "$j"; done | head -n 1)
    [ -z "$missing" ] && { CP=$(cat "$CP_FILE"); return 0; }
    info "a cached jar is missing ($missing); resolving again"
  fi
  mkdir -p "$CACHE"
  info "resolving the Kafka $KAFKA_VERSION classpath (once) into $CP_FILE ..."
  (cd "$ROOT" && ./mvnw -q -B -ntp -f deploy/infra/kafka-classpath/pom.xml dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE.tmp") || die "could not resolve the classpath (Maven Central reachable?)"
  mv "$CP_FILE.tmp" "$CP_FILE"
  CP=$(cat "$CP_FILE")
}

# A short-lived tool JVM (TopicCommand, StorageTool, console clients): small heap, quick start, quiet logs.
tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$LOG4J" -Dnq57.log.level=WARN -cp "$CP" "$@"
}

running_pid() { proc_pid_from_file "$PID_FILE" "kafka.Kafka $PROPS"; }

port_taken() { proc_port_taken "$HOST" "$1"; }

write_props() {
  cat >"$PROPS" <<PROPS
# Written by deploy/infra/kafka.sh on each start — edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CPORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CPORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

list_topics() { tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list 2>/dev/null; }

create_topics() {
  local prefix=${1-$PREFIX}
  local existing; existing=$(list_topics) || die "cannot list topics on $BOOTSTRAP"
  local t name
  for t in $TOPICS; do
    name=$prefix$t
    if printf '%s\n' "$existing" | grep -qxF "$name"; then
      info "topic $name exists"
    else
      tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
        --topic "$name" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null \
        || die "could not create topic $name"
      info "topic $name created ($PARTITIONS partitions, replication 1)"
    fi
  done
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
    info "already running (pid $pid) on $BOOTSTRAP"
    return 0
  fi
  local p who
  for p in "$PORT" "$CPORT"; do
    if who=$(port_taken "$p"); then
      die "port $p on $HOST is already in use — set NQ57_KAFKA_PORT / NQ57_KAFKA_CONTROLLER_PORT or stop the other process:
$who"
    fi
  done
  pick_java
  classpath
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if $reset; then
    info "--reset: wiping $STATE_DIR"
    rm -rf "$STATE_DIR"
  fi
  mkdir -p "$STATE_DIR"
  write_props
  local t0=$SECONDS
  if [ ! -f "$DATA_DIR/meta.properties" ]; then
    local id; id=$(tool kafka.tools.StorageTool random-uuid)
    info "formatting storage in $DATA_DIR (cluster id $id)"
    tool kafka.tools.StorageTool format -t "$id" -c "$PROPS" >>"$LOG" 2>&1 || { tail -n 20 "$LOG" >&2; die "format failed"; }
  fi
  echo "=== $(date -u +%FT%TZ) start ($BOOTSTRAP, controller $HOST:$CPORT, data $DATA_DIR)" >>"$LOG"
  info "starting Kafka $KAFKA_VERSION on $BOOTSTRAP (java: $JAVA; log: $LOG)"
  setsid "$JAVA" -Xmx"$HEAP" -Xms"$HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$LOG4J" -cp "$CP" kafka.Kafka "$PROPS" </dev/null >>"$LOG" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  printf 'kafka: waiting for the broker '
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo; rm -f "$PID_FILE"
      echo "kafka: the broker exited before becoming ready; last lines of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null && list_topics >/dev/null; then
      echo
      break
    fi
    if [ $((SECONDS - t0)) -ge "$TIMEOUT" ]; then
      echo
      echo "kafka: not ready after $TIMEOUT s (NQ57_KAFKA_TIMEOUT); still running as pid $pid; last lines of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    printf '.'
    sleep 1
  done
  info "ready in $((SECONDS - t0)) s (pid $pid)"
  create_topics
  info "bootstrap servers $BOOTSTRAP (ready with topics in $((SECONDS - t0)) s)"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    info "not running"
    return 0
  fi
  info "stopping (pid $pid) ..."
  proc_stop kafka "$pid" 60
  rm -f "$PID_FILE"
  info "stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    info "running (pid $pid, RSS $(($(awk '/VmRSS/{print $2}' "/proc/$pid/status") / 1024)) MB) on $BOOTSTRAP, data $DATA_DIR"
    return 0
  fi
  info "not running ($BOOTSTRAP)"
  return 3
}

cmd_topics() {
  running_pid >/dev/null || die "not running (start it with: $0 start)"
  pick_java
  classpath
  tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  topics) cmd_topics ;;
  ensure-topics) shift; pick_java; classpath; for p in "$@"; do create_topics "$p"; done ;;
  tool) shift; [ $# -ge 1 ] || die "usage: tool CLASS [ARGS...]"; pick_java; classpath; tool "$@" ;;
  *) echo "usage: $0 start [--reset] | stop | status | topics | ensure-topics PREFIX... | tool CLASS [ARGS...]" >&2; exit 2 ;;
esac
