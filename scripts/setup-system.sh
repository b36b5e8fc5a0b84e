#!/usr/bin/env bash
# System packages the end-to-end tests use: tmux (terminal dashboard), Debian's chromium and
# the Noto CJK fonts (HTML report and its Chinese screenshots), slurm-wlm with munge (a
# single-node Slurm for the sweep's job arrays, started by scripts/slurm-up.sh) and
# python3-openpyxl (a second writer of the workbooks `loudou import` reads). Installs only what
# is missing; needs root or passwordless sudo.
set -euo pipefail
need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 || need+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || need+=(munge)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
