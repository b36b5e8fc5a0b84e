#!/usr/bin/env bash
# Stops what scripts/slurm-up.sh started (by the pid files in its folder) and removes its config.
set -uo pipefail
dir="${LOUDOU_SLURM_DIR:-${TMPDIR:-/tmp}/loudou-slurm}"
conf=/etc/slurm/slurm.conf
stop() {
  local pidfile="$1"
  [ -f "$pidfile" ] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pidfile"
}
stop "$dir/slurmd.pid"
stop "$dir/slurmctld.pid"
stop "$dir/munge/munged.pid"
if [ -f "$conf" ] && grep -qF "# written by loudou scripts/slurm-up.sh" "$conf"; then rm -f "$conf"; fi
echo "slurm-down: stopped ($dir)"
