#!/usr/bin/env bash
# The newcomer's first command: install the Debian dependencies, build drizzle-push, and
# push the example schema (example/) into an SQLite file, then push again to show that a
# second push has nothing to do.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build-example" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDP_BUILD_TESTS=OFF -DDP_BUILD_BENCH=OFF >/dev/null
cmake --build "$root/build-example" --target drizzle-push -j"$(nproc)"
cd "$root/example"
rm -f local.db
echo "== drizzle-push push --verbose (example/drizzle.config.ts -> example/local.db)"
"$root/build-example/src/cli/drizzle-push" push --verbose
echo
echo "== drizzle-push push (again: nothing to do)"
"$root/build-example/src/cli/drizzle-push" push
