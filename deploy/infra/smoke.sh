#!/usr/bin/env bash
# Smoke test of the local infrastructure, for real: Keycloak (identity/keycloak.sh) and Kafka (deploy/infra/kafka.sh).
#
#   deploy/infra/smoke.sh
#
# 1. starts both (downloads/resolves on first use), 2. checks tokens (password grant on the confidential client
# portal, with its secret, for admin.bkhcn and others, none without it; client credentials for nq57-federation-bkhcn/-byt
# and a service client) by decoding their payload:
# iss, realm_access.roles, agency, instance, 15-minute lifespan; PKCE and redirect URIs of portal,
# 3. lists the topics, produces and consumes one message with the console tools, 4. stops both,
# 5. starts both again and checks that the data persisted (a user created in step 2 and the realm are still
# there, no re-import; the topics and the message are still there), 6. cleans up and stops both.
# Exits non-zero on the first failure (and stops what it started). Needs curl and jq.
# It stops a Keycloak/Kafka already running from this checkout (it must restart them).
# Uses the same environment variables as the two scripts (ports, NQ57_CACHE, NQ57_RUN_DIR, NQ57_TOPIC_PREFIX ...).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KC=$ROOT/identity/keycloak.sh
KAFKA=$HERE/kafka.sh
export NQ57_KEYCLOAK_TIMEOUT=${NQ57_KEYCLOAK_TIMEOUT:-600}   # a first start also builds Keycloak; busy CI machines are slow
export NQ57_KAFKA_TIMEOUT=${NQ57_KAFKA_TIMEOUT:-300}
KC_PORT=${NQ57_KEYCLOAK_PORT:-8180}
ISSUER=http://127.0.0.1:$KC_PORT/realms/nq57
BOOTSTRAP=127.0.0.1:${NQ57_KAFKA_PORT:-9092}
PREFIX=${NQ57_TOPIC_PREFIX:-}
SMOKE_ID=smoke-$(date -u +%Y%m%d%H%M%S)-$$
SMOKE_TOPIC=${PREFIX}nq57.smoke.$SMOKE_ID
SMOKE_USER=smoke.persist.$$

command -v curl >/dev/null || { echo "smoke: needs curl" >&2; exit 1; }
command -v jq >/dev/null || { echo "smoke: needs jq (apt-get install jq)" >&2; exit 1; }

PASSED=0
ok() { PASSED=$((PASSED + 1)); echo "  ok   $*"; }
fail() { echo "  FAIL $*" >&2; exit 1; }
step() { echo; echo "== $* ($(date -u +%T))"; }
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "smoke: FAILED (exit $rc) — stopping Keycloak and Kafka; logs in ${NQ57_LOG_DIR:-${NQ57_RUN_DIR:-$ROOT/.run}/logs}" >&2
    "$KC" stop >/dev/null 2>&1 || true
    "$KAFKA" stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# Decodes the payload (second part) of a JWT.
payload() {
  local p; p=$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')
  case $(( ${#p} % 4 )) in 2) p="$p==" ;; 3) p="$p=" ;; esac
  printf '%s' "$p" | base64 -d
}
expect() { # expect DESCRIPTION JSON JQ-FILTER EXPECTED
  local got; got=$(printf '%s' "$2" | jq -r "$3")
  [ "$got" = "$4" ] && ok "$1: $3 = $got" || fail "$1: $3 is '$got', expected '$4'"
}
has_role() { # has_role DESCRIPTION JSON ROLE
  printf '%s' "$2" | jq -e --arg r "$3" '.realm_access.roles | index($r)' >/dev/null \
    && ok "$1: realm_access.roles has $3" || fail "$1: realm_access.roles lacks $3: $(printf '%s' "$2" | jq -c .realm_access)"
}
TIMES=""
timed() { # timed LABEL CMD... — runs and records the wall time
  local t0; t0=$(date +%s%N)
  "${@:2}"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  TIMES+=$(printf '  %-22s %4d.%d s' "$1" $((ms / 1000)) $((ms % 1000 / 100)))$'\n'
}
admin_token() {
  curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "http://127.0.0.1:$KC_PORT/realms/master/protocol/openid-connect/token" | jq -r .access_token
}
kafka_tool() { "$KAFKA" tool "$@"; }
consume_one() {
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic "$SMOKE_TOPIC" \
    --from-beginning --max-messages 1 --timeout-ms 60000 --property print.key=true --property key.separator='|' 2>/dev/null
}
check_topics() {
  local list; list=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal)
  for t in nq57.initiatives.v1 nq57.kpi.v1 nq57.budget.v1; do
    local n; n=$(printf '%s\n' "$list" | grep -E "^Topic: $PREFIX$t\b" | sed -n 's/.*PartitionCount: \([0-9]*\).*/\1/p')
    [ "$n" = "${NQ57_KAFKA_PARTITIONS:-3}" ] && ok "topic $PREFIX$t ($n partitions)" || fail "topic $PREFIX$t missing or with '$n' partitions"
  done
}

echo "smoke: NQ57 local infrastructure ($SMOKE_ID)"
step "stop anything running from this checkout"
"$KC" stop
"$KAFKA" stop

step "first start"
timed "keycloak start (1)" "$KC" start
timed "kafka start (1)" "$KAFKA" start

step "Keycloak: realm and tokens"
disc=$(curl -fsS "$ISSUER/.well-known/openid-configuration") || fail "discovery document"
expect "discovery" "$disc" .issuer "$ISSUER"
curl -fsS "$ISSUER/protocol/openid-connect/certs" | jq -e '.keys | map(select(.use == "sig")) | length > 0' >/dev/null \
  && ok "JWKS has a signing key" || fail "JWKS has no signing key"

tok=$("$KC" token admin.bkhcn) || fail "password grant for admin.bkhcn on portal"
p=$(payload "$tok")
expect "admin.bkhcn" "$p" .iss "$ISSUER"
has_role "admin.bkhcn" "$p" ministry-admin
expect "admin.bkhcn" "$p" .agency BKHCN
expect "admin.bkhcn" "$p" .azp portal
expect "admin.bkhcn" "$p" '.exp - .iat' 900
for u in central.admin:central-admin:BCDTW submitter.cdmst:data-submitter:BKHCN-CDMST viewer.bkhcn:viewer:BKHCN \
         submitter.byt:data-submitter:BYT; do
  IFS=: read -r user role agency <<<"$u"
  p=$(payload "$("$KC" token "$user")") || fail "password grant for $user"
  has_role "$user" "$p" "$role"
  expect "$user" "$p" .agency "$agency"
done
if "$KC" token admin.bkhcn wrong-password >/dev/null 2>&1; then fail "a wrong password got a token"; else ok "wrong password refused"; fi
# portal is a confidential client: a password grant without its secret, or with another one, gets no token
for secret in "" wrong-secret; do
  what=${secret:+with the secret $secret}; what=${what:-without the client secret}
  if curl -fsS -o /dev/null -d grant_type=password -d client_id=portal -d username=admin.bkhcn -d password=demo-local-only \
       ${secret:+-d client_secret=$secret} "$ISSUER/protocol/openid-connect/token" 2>/dev/null; then
    fail "portal: a password grant $what got a token"
  else ok "portal: password grant $what refused (confidential client)"; fi
done

tok=$("$KC" client-token nq57-federation-bkhcn local-dev-only-federation-bkhcn) || fail "client credentials for nq57-federation-bkhcn"
p=$(payload "$tok")
expect "nq57-federation-bkhcn" "$p" .iss "$ISSUER"
has_role "nq57-federation-bkhcn" "$p" federation
expect "nq57-federation-bkhcn" "$p" .instance bkhcn
expect "nq57-federation-bkhcn" "$p" .agency BKHCN
p=$(payload "$("$KC" client-token nq57-federation-byt local-dev-only-federation-byt)") || fail "client credentials for nq57-federation-byt"
expect "nq57-federation-byt" "$p" .instance byt
expect "nq57-federation-byt" "$p" .agency BYT
p=$(payload "$("$KC" client-token initiative-service local-dev-only-initiative)") || fail "client credentials for initiative-service"
expect "initiative-service" "$p" .azp initiative-service

auth=$ISSUER/protocol/openid-connect/auth
challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
code=$(curl -s -o /dev/null -w '%{http_code}' "$auth?client_id=portal&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A5173%2Fcb&code_challenge=$challenge&code_challenge_method=S256")
[ "$code" = 200 ] && ok "portal: code flow with PKCE S256 to http://127.0.0.1:5173 shows the login page" || fail "portal: PKCE code flow answered $code"
loc=$(curl -s -o /dev/null -w '%{redirect_url}' "$auth?client_id=portal&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb")
case $loc in *error=invalid_request*code_challenge*) ok "portal: code flow without PKCE refused" ;; *) fail "portal: code flow without PKCE not refused ($loc)" ;; esac
code=$(curl -s -o /dev/null -w '%{http_code}' "$auth?client_id=portal&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&code_challenge=$challenge&code_challenge_method=S256")
[ "$code" = 400 ] && ok "portal: foreign redirect URI refused" || fail "portal: foreign redirect URI answered $code"

adm=$(admin_token) || fail "bootstrap admin token"
curl -fsS -o /dev/null -H "Authorization: Bearer $adm" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$SMOKE_USER\",\"enabled\":true,\"firstName\":\"Smoke\",\"lastName\":\"Test\",\"email\":\"$SMOKE_USER@nq57.local\",\"attributes\":{\"agency\":[\"BTC\"]}}" \
  "http://127.0.0.1:$KC_PORT/admin/realms/nq57/users" && ok "created user $SMOKE_USER (persistence marker)" || fail "could not create $SMOKE_USER"

step "Kafka: topics, produce and consume"
check_topics
kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --topic "$SMOKE_TOPIC" \
  --partitions 1 --replication-factor 1 >/dev/null && ok "created $SMOKE_TOPIC" || fail "create $SMOKE_TOPIC"
printf '%s|{"id":"%s","note":"Nghị quyết 57 — smoke"}\n' "$SMOKE_ID" "$SMOKE_ID" \
  | kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" --topic "$SMOKE_TOPIC" \
      --property parse.key=true --property key.separator='|' --producer-property acks=all \
  && ok "produced one message (key $SMOKE_ID)" || fail "console producer"
msg=$(consume_one) || fail "console consumer"
[ "$msg" = "$SMOKE_ID|{\"id\":\"$SMOKE_ID\",\"note\":\"Nghị quyết 57 — smoke\"}" ] && ok "consumed it back: $msg" || fail "consumed '$msg'"

step "stop both"
timed "keycloak stop" "$KC" stop
timed "kafka stop" "$KAFKA" stop
"$KC" status >/dev/null 2>&1 && fail "Keycloak still running" || ok "Keycloak stopped"
"$KAFKA" status >/dev/null 2>&1 && fail "Kafka still running" || ok "Kafka stopped"

step "second start: data persisted"
kc_log=${NQ57_LOG_DIR:-${NQ57_RUN_DIR:-$ROOT/.run}/logs}/keycloak.log
kc_lines=$(wc -l <"$kc_log")
timed "keycloak start (2)" "$KC" start
timed "kafka start (2)" "$KAFKA" start
tail -n +"$kc_lines" "$kc_log" | grep -q "Realm 'nq57' already exists. Import skipped" \
  && ok "realm nq57 kept (import skipped)" || fail "realm nq57 was imported again (data not persisted?)"
adm=$(admin_token)
n=$(curl -fsS -H "Authorization: Bearer $adm" "http://127.0.0.1:$KC_PORT/admin/realms/nq57/users?username=$SMOKE_USER&exact=true" | jq length)
[ "$n" = 1 ] && ok "user $SMOKE_USER still there" || fail "user $SMOKE_USER lost"
p=$(payload "$("$KC" token admin.bkhcn)") || fail "token after restart"
expect "admin.bkhcn after restart" "$p" .agency BKHCN
check_topics
msg=$(consume_one) || fail "console consumer after restart"
[ "$msg" = "$SMOKE_ID|{\"id\":\"$SMOKE_ID\",\"note\":\"Nghị quyết 57 — smoke\"}" ] && ok "message still there after restart" || fail "message lost: '$msg'"

step "clean up and stop"
id=$(curl -fsS -H "Authorization: Bearer $adm" "http://127.0.0.1:$KC_PORT/admin/realms/nq57/users?username=$SMOKE_USER&exact=true" | jq -r '.[0].id')
curl -fsS -X DELETE -H "Authorization: Bearer $adm" "http://127.0.0.1:$KC_PORT/admin/realms/nq57/users/$id" && ok "deleted $SMOKE_USER"
kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --delete --topic "$SMOKE_TOPIC" >/dev/null && ok "deleted $SMOKE_TOPIC"
"$KC" stop
"$KAFKA" stop

echo
echo "smoke: all $PASSED checks passed"
printf '%s' "$TIMES"
