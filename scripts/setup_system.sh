#!/usr/bin/env bash
# Checks the system libraries that pip cannot provide and installs the missing ones
# with apt-get when running as root; otherwise prints the exact command to run.
#   scripts/setup_system.sh          what `make build` needs (Pango, HarfBuzz subsetting, fonts)
#   scripts/setup_system.sh --test   also what the test suite needs (Chromium, poppler)
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium poppler-utils)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian/Ubuntu system; make sure these are installed: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

command_line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: missing system packages: ${missing[*]}" >&2
  echo "setup: run: sudo $command_line" >&2
  exit 1
fi
