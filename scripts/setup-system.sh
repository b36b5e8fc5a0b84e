#!/usr/bin/env bash
# System packages the end-to-end tests use: tmux (terminal dashboard), Debian's chromium
# (HTML report) and python3-openpyxl (a second writer of the workbooks `loudou import` reads).
# Installs only what is missing; needs root or passwordless sudo.
set -euo pipefail
need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
