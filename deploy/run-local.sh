#!/usr/bin/env bash
# Runs the whole MASH system on this machine: a Kafka broker (KRaft), PostgreSQL (the machine's own server,
# started or installed if needed) with the four databases, Keycloak with the "mash" realm and demo users,
# and the four services as separate processes. Waits until every health check is UP, then prints the URLs.
#
#   deploy/run-local.sh            start (data kept from the last run)
#   deploy/run-local.sh --reset    wipe the databases, the Kafka log and Keycloak's store first
#   deploy/run-local.sh --instances=2   run two instances of each service (ports 8081 and 8091, 8082 and 8092...)
#
# A service instance that exits, or fails its liveness check for 30 s, is started again (see the log).
# Ctrl-C stops everything it started. State and logs: $MASH_HOME (default .mash-local/ in the checkout).
# Ports (override by environment): contacts 8081, triage 8082, strategy 8083, metrics 8084, Keycloak 8180,
# Kafka 9092 (CONTACTS_SERVICE_PORT, TRIAGE_SERVICE_PORT, STRATEGY_DISCUSSION_SERVICE_PORT,
# METRICS_SERVICE_PORT, KEYCLOAK_PORT, KAFKA_PORT).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${MASH_HOME:-$root/.mash-local}
args=(--root "$root" --state "$state")
for arg in "$@"; do
  case "$arg" in
    --reset) args+=(--reset) ;;
    --instances=*) args+=(--instances "${arg#--instances=}") ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (use --reset, --instances=N)" >&2; exit 2 ;;
  esac
done

# shellcheck source=deploy/postgres.sh
. "$root/deploy/postgres.sh"
ensure_postgres

# Build what is missing (or older than its sources).
stale=false
for module in contacts-service triage-service strategy-discussion-service metrics-service; do
  jar="$root/$module/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$root/$module/src/main" "$root/deploy/platform-runtime/src/main" -newer "$jar" -type f -print -quit)" ]; then
    stale=true
  fi
done
[ -f "$root/deploy/local-stack/target/runtime.classpath" ] || stale=true
if $stale; then
  echo "[mash] building the services (./mvnw install -DskipTests)"
  (cd "$root" && ./mvnw -q install -DskipTests)
fi

mkdir -p "$state"
classpath="$root/deploy/local-stack/target/classes:$(cat "$root/deploy/local-stack/target/runtime.classpath")"
exec java -cp "$classpath" org.mash.localstack.RunLocal "${args[@]}"
