#!/usr/bin/env bash
# Push timings against real servers for the generated schemas in ../shared/perf
# (10, 100, 500, 1000 tables): the first push into an empty database, a no-op push, and a
# one-column change (schema-add.ts). Prints wall time and the number of queries.
#   bash bench/push_bench.sh            # builds if needed, starts a private PostgreSQL
# Needs the binary at build/src/cli/drizzle-push (scripts/test.sh or cmake --build build);
# DP_PUSH_BINARY=/path/to/drizzle-push measures another build instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${DP_PUSH_BINARY:-"$root/build/src/cli/drizzle-push"}
perf="$root/../shared/perf"
[[ -x $bin ]] || cmake --build "$root/build" --target drizzle-push
[[ -d $perf ]] || { echo "no ../shared/perf: nothing to measure"; exit 0; }
if [[ -z ${DP_TEST_PG_URL:-} ]]; then
  # shellcheck source=/dev/null
  source "$root/tests/support/servers.sh"
  DP_SERVERS=pg dp_servers_start
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run <label> <config> <schema>: one push, prints "label  ms  queries  statements"
run() {
  local label=$1 config=$2 dir=$3
  local start end out
  start=$(date +%s%N)
  out=$(cd "$dir" && "$bin" push --config "$config" --force --output json </dev/null 2>/dev/null || true)
  end=$(date +%s%N)
  printf '%-28s %8.1f ms  %5s queries  %5s statements  %s\n' "$label" "$(( (end - start) / 1000 ))e-3" \
    "$(jq -r '.queries // "?"' <<<"$out")" "$(jq -r '.statements | length' <<<"$out")" "$(jq -r '.status' <<<"$out")"
}

command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
base_url=${DP_TEST_PG_URL%/*}
for dialect in pg sqlite; do
  for n in 10 100 500 1000; do
    dir="$perf/$dialect/n$n"
    [[ -d $dir ]] || continue
    if [[ $dialect == pg ]]; then
      db="bench_$n"
      psql "$DP_TEST_PG_URL" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
      creds="{\"url\":\"$base_url/$db\"}"
      name=postgresql
    else
      rm -f "$work/bench_$n.sqlite"
      creds="{\"url\":\"$work/bench_$n.sqlite\"}"
      name=sqlite
    fi
    echo "{\"dialect\":\"$name\",\"schema\":\"./schema.ts\",\"dbCredentials\":$creds}" >"$work/full.json"
    echo "{\"dialect\":\"$name\",\"schema\":\"./schema-add.ts\",\"dbCredentials\":$creds}" >"$work/add.json"
    run "$name n=$n first push" "$work/full.json" "$dir"
    # The no-op push is what users run most: repeat it (the first run after a big push
    # also competes with autovacuum) and print every run.
    for i in $(seq 1 "${DP_BENCH_NOOP_RUNS:-5}"); do
      run "$name n=$n no-op push #$i" "$work/full.json" "$dir"
    done
    run "$name n=$n one-column change" "$work/add.json" "$dir"
  done
done
