#!/usr/bin/env bash
# Restarts the test cluster's slurmctld (by its pid), keeping its saved state: what a controller restart or fail-over
# looks like to running jobs and to slurmrestd. Used by the provider's tests. VANTAGE_SLURM_DIR as for start.sh.
set -euo pipefail
dir="${VANTAGE_SLURM_DIR:-/var/tmp/vantage-slurm}"
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then exec sudo -n -E "$0" "$@"; fi
  echo "slurm/restart-slurmctld.sh: needs root (or password-less sudo)" >&2; exit 1
fi
export SLURM_CONF="$dir/etc/slurm.conf" PATH="/usr/sbin:$PATH"
pidfile="$dir/run/slurmctld.pid"
[ -f "$pidfile" ] || { echo "slurmctld is not running (no $pidfile); run start.sh" >&2; exit 1; }
pid="$(cat "$pidfile")"
kill -TERM "$pid"
for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$pid" 2>/dev/null && { echo "slurmctld (pid $pid) did not stop within 30s" >&2; exit 1; }
slurmctld -f "$SLURM_CONF"   # no -c: recovers the jobs from the saved state
for _ in $(seq 1 150); do scontrol ping >/dev/null 2>&1 && { echo "slurmctld restarted (pid $(cat "$pidfile"))"; exit 0; }; sleep 0.2; done
echo "slurmctld did not answer within 30s after its restart; see $dir/log/slurmctld.log" >&2
exit 1
