#!/usr/bin/env bash
# Starts an image archive the way a container runtime would, without one, and waits until its own healthcheck
# passes: layers unpacked in order into a root file system mounted read-only (like readOnlyRootFilesystem), a
# tmpfs on /tmp, fresh mount and pid namespaces, the config's user, environment, working directory and entrypoint.
# The host network is shared, so the portal is told other ports: PORT for the application and PORT+1 for actuator
# (MANAGEMENT_SERVER_PORT, as the Helm chart and compose run it); readiness is awaited there, and the application
# port must not serve actuator. Root only (mount namespaces, chroot).
# Usage: image-run.sh IMAGE_TAR [PORT (18080)]
set -euo pipefail
image="$(realpath "$1")"
port="${2:-18080}"
management=$((port + 1))
timeout="${IMAGE_RUN_TIMEOUT:-240}"
die() { echo "image-run.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root"
for p in "$port" "$management"; do ! curl -s -o /dev/null "http://127.0.0.1:$p/" || die "port $p is already in use"; done

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # unshare blocks TERM while it waits, so the container's own process (its child) gets it: a graceful stop.
    child="$(pgrep -P "$pid" || true)"
    [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi   # --kill-child takes the container along
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/archive" "$work/rootfs"
tar --warning=no-unknown-keyword -xf "$image" -C "$work/archive"

# The config, as shell-safe lines: USER, WORKDIR, then ENV entries, then ENTRYPOINT+CMD words (NUL-separated).
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
manifest = json.load(open(f"{work}/archive/manifest.json"))[0]
config = json.load(open(f"{work}/archive/{manifest['Config']}"))["config"]
open(f"{work}/layers", "w").write("\n".join(manifest["Layers"]) + "\n")
open(f"{work}/user", "w").write(config["User"])
open(f"{work}/workdir", "w").write(config.get("WorkingDir") or "/")
open(f"{work}/env", "wb").write(b"\0".join(e.encode() for e in config.get("Env", [])) + b"\0")
cmd = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
open(f"{work}/cmd", "wb").write(b"\0".join(c.encode() for c in cmd) + b"\0")
PY
while read -r layer; do tar --warning=no-unknown-keyword -xf "$work/archive/$layer" -C "$work/rootfs"; done <"$work/layers"
rm -rf "$work/archive"
for f in hosts resolv.conf; do [ -e "$work/rootfs/etc/$f" ] || touch "$work/rootfs/etc/$f"; done
mkdir -p "$work/rootfs/proc" "$work/rootfs/dev" "$work/rootfs/tmp"

mapfile -d '' env <"$work/env"
mapfile -d '' cmd <"$work/cmd"
env+=("SERVER_PORT=$port" "MANAGEMENT_SERVER_PORT=$management" "VANTAGE_DATABASE_EMBEDDED_DATA_DIR=/tmp/pgdata")

# Runs the image's entrypoint with ARGS appended (like a container's args), as described at the top. It replaces
# the calling shell: call it in a subshell or in the background, so that $! is unshare's pid.
container() {
  # shellcheck disable=SC2016
  exec unshare --mount --pid --fork --kill-child bash -c '
    set -e; r="$1"; user="$2"; wd="$3"; shift 3
    mount --make-rprivate /
    mount --bind "$r" "$r"
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
    mount --bind /etc/hosts "$r/etc/hosts"; mount --bind /etc/resolv.conf "$r/etc/resolv.conf"
    mount -o remount,bind,ro "$r"
    exec chroot --userspec="$user" "$r" /usr/bin/env -i bash -c "cd \"\$0\" && exec \"\$@\"" "$wd" env "${@}"
  ' _ "$work/rootfs" "$(cat "$work/user")" "$(cat "$work/workdir")" "${env[@]}" "${cmd[@]}" "$@"
}

# A one-shot task of the portal image, as the chart's CA-bundle init container runs it (args only, no shell).
if [ -f "$work/rootfs/app/classes/io/vantage/web/deploy/DeploymentTasks.class" ]; then
  bundle=/etc/ssl/certs/ca-certificates.crt
  [ -f "$work/rootfs$bundle" ] || die "$bundle is missing from the image"
  (container trust-store "$bundle" /tmp/truststore.p12) >"$work/task.log" 2>&1 \
    || { cat "$work/task.log" >&2; die "the trust-store task failed (log above)"; }
  grep -h "Trust store" "$work/task.log"
fi

echo "Starting $(basename "$image") as user $(cat "$work/user") on ports $port and $management: ${cmd[*]}"
container >"$work/run.log" 2>&1 &
pid=$!

start=$(date +%s)
until chroot "$work/rootfs" /usr/local/bin/healthcheck "$management" /actuator/health/readiness 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { tail -n 40 "$work/run.log" >&2; die "the container exited (log above)"; }
  [ $(( $(date +%s) - start )) -lt "$timeout" ] || { tail -n 40 "$work/run.log" >&2; die "not ready in ${timeout}s"; }
  sleep 2
done
echo "Ready in $(( $(date +%s) - start ))s: the image's healthcheck passed on :$management/actuator/health/readiness"
curl -fsS "http://127.0.0.1:$management/actuator/health/liveness" && echo
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/liveness")
[ "$status" = 404 ] || die "the application port answers $status for /actuator/health/liveness: actuator must be on $management only"
echo "The application port :$port does not serve actuator ($status)"
cleanup; trap - EXIT
echo "Stopped"
