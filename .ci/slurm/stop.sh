#!/usr/bin/env bash
# Stops the test Slurm cluster start.sh started, by the pids its daemons recorded: slurmrestd, slurmd (its jobs are
# killed with it), slurmctld, munged. Idempotent. VANTAGE_SLURM_DIR as for start.sh; KEEP_STATE=1 keeps the job state
# (by default the state, spool and job users' homes are removed so the next start is fresh).
set -euo pipefail
dir="${VANTAGE_SLURM_DIR:-/var/tmp/vantage-slurm}"
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then exec sudo -n -E "$0" "$@"; fi
  echo "slurm/stop.sh: needs root (or password-less sudo)" >&2; exit 1
fi
[ -d "$dir" ] || { echo "Slurm not running (no $dir)"; exit 0; }
export SLURM_CONF="$dir/etc/slurm.conf"

stop() { # name pidfile
  local name="$1" pidfile="$2" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then echo "$name (pid $pid) ignored TERM for 10s; killing it" >&2; kill -KILL "$pid"; fi
    echo "$name (pid $pid) stopped"
  fi
  rm -f "$pidfile"
}

# jobs first, while the controller still answers, so no job process outlives the cluster
if [ -f "$dir/run/slurmctld.pid" ] && kill -0 "$(cat "$dir/run/slurmctld.pid")" 2>/dev/null; then
  for user in vantage-jobs vantage-jobs2; do scancel --user="$user" 2>/dev/null || true; done
  for _ in $(seq 1 50); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
fi
stop slurmrestd "$dir/run/slurmrestd.pid"
stop slurmd "$dir/spool/slurmd.pid"
stop slurmctld "$dir/run/slurmctld.pid"
stop munged "$dir/munge/munged.pid"
if [ "${KEEP_STATE:-0}" != 1 ]; then
  rm -rf "$dir/state" "$dir/spool" "$dir/work" "$dir/home"/*/.vantage
fi
