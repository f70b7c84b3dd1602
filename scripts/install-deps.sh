#!/usr/bin/env bash
# Installs every Debian package the project needs to build and test (run as root).
# Idempotent: when dpkg already reports all of them installed, apt is not touched at all.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang libclang-rt-14-dev
  libpq-dev libmariadb-dev libsqlite3-dev sqlite3 libcurl4-openssl-dev libssl-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  mariadb-server postgresql-15 postgresql-15-postgis-3
  openssl ca-certificates
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: must run as root to install packages" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Server packages must not start services during install (CI and containers have no init);
# the tests start private servers themselves (tests/support/servers.sh).
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
cleanup() { if ((created_policy)); then rm -f "$policy"; fi; }
trap cleanup EXIT

apt-get update -q
apt-get install -y -q "${missing[@]}" </dev/null
echo "install-deps: done"
