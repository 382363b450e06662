#!/usr/bin/env bash
# Stops the Keycloak that start.sh started, by the pid it recorded (and that pid's process group). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pidfile="$root/target/keycloak/keycloak.pid"

if [ ! -f "$pidfile" ]; then echo "Keycloak not running (no $pidfile)"; exit 0; fi
pid="$(cat "$pidfile")"
if ! kill -0 "$pid" 2>/dev/null; then echo "Keycloak pid $pid already gone"; rm -f "$pidfile"; exit 0; fi

# start.sh ran kc.sh under setsid, so the pid is also its process group id; TERM lets Keycloak shut down cleanly.
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "Keycloak (pid $pid) stopped"; exit 0; }
  sleep 1
done
echo "Keycloak (pid $pid) ignored TERM for 30s; killing it" >&2
kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
rm -f "$pidfile"
