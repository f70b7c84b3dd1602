#!/usr/bin/env bash
# THE test command (README, CI): install Debian deps, configure + build everything in
# build/ (Ninja, RelWithDebInfo), start private PostgreSQL/MariaDB servers, run every
# test with ctest, stop the servers, exit with ctest's status.
# Knobs: DP_BUILD_DIR (build), DP_JOBS (2: build and ctest parallelism), DP_CTEST_ARGS (extra ctest args).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
build_dir=${DP_BUILD_DIR:-build}
jobs=${DP_JOBS:-2}
t0=$(date +%s)
step() { echo "==> [$(($(date +%s) - t0))s] $*"; }

step "install dependencies"
if [[ $(id -u) -eq 0 ]]; then
  bash scripts/install-deps.sh
else
  bash scripts/install-deps.sh || echo "test.sh: not root; continuing with what is installed" >&2
fi

# ccache hits across clones in different folders (CI clones afresh): relative paths, no cwd hash.
export CCACHE_BASEDIR="$repo"
export CCACHE_NOHASHDIR=1

step "configure $build_dir"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

step "build (-j$jobs)"
cmake --build "$build_dir" -j "$jobs"

step "start test servers"
# shellcheck source=../tests/support/servers.sh
source tests/support/servers.sh
dp_servers_start
export DP_TEST_REQUIRE_SERVERS=1  # a test that finds no server URL fails instead of skipping

step "ctest"
set +e
# shellcheck disable=SC2086
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "$jobs" --timeout 900 ${DP_CTEST_ARGS:-}
status=$?
set -e

step "stop test servers"
dp_servers_stop
step "done: ctest exit status $status"
exit "$status"
