#!/bin/bash
# A Vantage instance as a Slurm batch job, written by the portal's Slurm provider. It starts a desktop or a notebook
# on this node with the instance's secret, tells the portal its port through the job's comment (read back through
# slurmrestd, so the portal needs no shared file system), and waits. The job ends when the portal cancels it, at its
# time limit, or when the server dies (then the comment says why and the job fails).
set -u
umask 077
export HOME="${HOME:-$(getent passwd "$(id -un)" | cut -d: -f6)}"
export USER="${USER:-$(id -un)}"
work="$HOME/.vantage/jobs/$SLURM_JOB_ID"
pids=()

vantage_report() { # appends key=value pairs to the tags the portal set at submission
  local comment="$VANTAGE_TAGS" pair
  for pair in "$@"; do comment="$comment;$pair"; done
  scontrol update JobId="$SLURM_JOB_ID" Comment="$comment" >/dev/null || echo "vantage: could not report $*" >&2
}
vantage_fail() { # reports why the instance cannot run, then ends the job as failed
  echo "vantage: $*" >&2
  # only characters that need no encoding in the comment (no ; = %), kept short
  vantage_report "vantage-error=$(printf '%s' "$*" | tr -c 'A-Za-z0-9 ._:,()/+@-' ' ' | tr -s ' ' | cut -c1-300)"
  exit 1
}
vantage_cleanup() {
  trap - TERM INT HUP EXIT
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
  wait
  rm -rf "$work"
}
trap 'vantage_cleanup; exit 0' TERM INT HUP
trap vantage_cleanup EXIT
vantage_wait() { # seconds pid command...: until the command succeeds; fails when the process dies or time is up
  local deadline=$((SECONDS + $1)) pid=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.3
  done
}
vantage_accepts() { (exec 3<>"/dev/tcp/$VANTAGE_CONNECT/$1") 2>/dev/null; }
vantage_watch() { # returns when one of the given processes has exited; signals still interrupt the wait
  local pid
  while :; do
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null || return 0; done
    sleep 2 & wait $!
  done
}
vantage_random_port() { echo $((20000 + (RANDOM * 32768 + RANDOM) % 30000)); }

mkdir -p "$work" && cd "$work" || vantage_fail "cannot create $work on $(hostname)"
# a requeued job starts again: the ports an earlier run reported are no longer true
vantage_report
# the secret leaves the environment at once: files of this job's user only, removed when the job ends
printf '%s' "$VANTAGE_SECRET" >"$work/secret"
unset VANTAGE_SECRET
echo "vantage: job $SLURM_JOB_ID on $(hostname), files in $work"
