#!/usr/bin/env bash
# A single-node Slurm cluster for the sweep end-to-end test: munged, slurmctld and slurmd run
# as root on this machine, with state, spool and logs under one temporary folder
# (LOUDOU_SLURM_DIR, default /tmp/loudou-slurm). Needs Debian's slurm-wlm and munge
# (scripts/setup-system.sh installs them). scripts/slurm-down.sh stops what this started.
set -euo pipefail
dir="${LOUDOU_SLURM_DIR:-${TMPDIR:-/tmp}/loudou-slurm}"
conf=/etc/slurm/slurm.conf
marker="# written by loudou scripts/slurm-up.sh"
for cmd in munged slurmctld slurmd sbatch sinfo; do
  command -v "$cmd" >/dev/null 2>&1 || { echo "slurm-up: $cmd is missing (run scripts/setup-system.sh)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "slurm-up: run as root (the daemons run as root)" >&2; exit 1; }
if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
  echo "slurm-up: $conf exists and is not ours; leaving the site's Slurm alone" >&2
  exit 1
fi

mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge" /etc/slurm /etc/munge
# MUNGE: a generated key, the daemon's socket and pid in our folder.
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key --force 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chmod 600 /etc/munge/munge.key
chown root:root /etc/munge/munge.key
socket=/run/munge/munge.socket.2
mkdir -p /run/munge
if ! munge -n >/dev/null 2>&1; then
  munged --force --socket="$socket" --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" --key-file=/etc/munge/munge.key
fi

host="$(hostname -s)"
cpus="$(nproc)"
mem="$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)"
cat > "$conf" <<CONF
$marker
ClusterName=loudou
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# Test pending jobs (dependencies) every 2 s rather than every 60 s: the test waits on them.
SchedulerParameters=sched_interval=2,bf_interval=2
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

pgrep -F "$dir/slurmctld.pid" >/dev/null 2>&1 || slurmctld -i
pgrep -F "$dir/slurmd.pid" >/dev/null 2>&1 || slurmd
# Wait until the node takes jobs.
for _ in $(seq 1 60); do
  state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  case "$state" in
    idle*|mix*|alloc*) echo "slurm-up: node $host is $state ($dir)"; exit 0 ;;
    down*|drain*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
echo "slurm-up: the node did not come up; logs in $dir/log" >&2
exit 1
