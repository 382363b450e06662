#!/usr/bin/env bash
# Starts a real Keycloak (from Maven Central's keycloak-quarkus-dist zip, no container) with the Vantage dev realm,
# for end-to-end login tests. Idempotent: a running instance of ours is reused. Stop it with stop.sh.
#   KEYCLOAK_VERSION (26.5.6)  KEYCLOAK_PORT (8180)  KEYCLOAK_START_TIMEOUT seconds (300; a loaded 2-core machine needs ~150)
#   KEYCLOAK_CACHE_DIR (~/.cache/vantage/keycloak-VERSION-dev): Keycloak's build step for start-dev (~100 s on 2
#     cores) is kept there and restored into fresh checkouts, like the zip in the local Maven repository.
#   KEYCLOAK_KEEP_DATA=1 keeps the H2 database between starts (default: fresh import of the realm file every start)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${KEYCLOAK_VERSION:-26.5.6}"
port="${KEYCLOAK_PORT:-8180}"
timeout="${KEYCLOAK_START_TIMEOUT:-300}"
work="$root/target/keycloak"
home="$work/keycloak-$version"
pidfile="$work/keycloak.pid"
log="$work/keycloak.log"
cache="${KEYCLOAK_CACHE_DIR:-$HOME/.cache/vantage/keycloak-$version-dev}"
realm_file="$root/docker/keycloak/vantage-realm.json"
well_known="http://localhost:$port/realms/vantage/.well-known/openid-configuration"

die() { echo "keycloak/start.sh: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is missing (apt-get install -y curl)"
[ -f "$realm_file" ] || die "realm file not found: $realm_file"

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  if curl -fs -o /dev/null "$well_known"; then
    echo "Keycloak already running (pid $(cat "$pidfile")) at http://localhost:$port"; exit 0
  fi
  die "pid $(cat "$pidfile") from $pidfile is alive but $well_known does not answer; run stop.sh first"
fi
if curl -s -o /dev/null "http://localhost:$port/"; then
  die "port $port is taken by another process (not started by this script); set KEYCLOAK_PORT"
fi

# The zip stays in the local Maven repository (the cache between runs); only the unpacked copy lives in target/.
if [ ! -x "$home/bin/kc.sh" ]; then
  echo "Unpacking keycloak-quarkus-dist $version into $work"
  mkdir -p "$work"
  (cd "$root" && mvn -B -q -N dependency:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$work" \
      -DmarkersDirectory="$work/.markers") \
    || die "could not fetch org.keycloak:keycloak-quarkus-dist:$version:zip through Maven"
  [ -x "$home/bin/kc.sh" ] || die "unexpected zip layout: $home/bin/kc.sh missing"
  if [ -f "$cache/quarkus-application.dat" ]; then
    echo "Restoring Keycloak's start-dev build from $cache"
    cp -a "$cache/." "$home/lib/quarkus/"
  fi
fi

# Keycloak imports a realm only when it does not exist yet: start from an empty database so that the realm file
# in the repository is what the tests see.
[ "${KEYCLOAK_KEEP_DATA:-0}" = 1 ] || rm -rf "$home/data/h2"
mkdir -p "$home/data/import"
cp "$realm_file" "$home/data/import/vantage-realm.json"

# Bounded heap: the default takes 70% of the machine's memory, and CI shares the machine with the test JVMs.
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"   # master realm console, dev only
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

echo "Starting Keycloak $version on port $port (log: $log)"
start=$(date +%s)
# setsid: its own process group, so stop.sh can end kc.sh and its JVM together.
setsid "$home/bin/kc.sh" start-dev --http-port="$port" --import-realm </dev/null >"$log" 2>&1 &
echo $! >"$pidfile"

until curl -fs -o /dev/null "$well_known"; do
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    tail -n 40 "$log" >&2; rm -f "$pidfile"; die "Keycloak exited during startup (log above)"
  fi
  if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
    tail -n 40 "$log" >&2
    die "Keycloak did not answer $well_known within ${timeout}s; it is still running, stop it with stop.sh"
  fi
  sleep 1
done
if [ ! -f "$cache/quarkus-application.dat" ]; then
  mkdir -p "$cache" && cp -a "$home/lib/quarkus/." "$cache/"
fi
echo "Keycloak ready in $(( $(date +%s) - start ))s: http://localhost:$port/realms/vantage (pid $(cat "$pidfile"))"
