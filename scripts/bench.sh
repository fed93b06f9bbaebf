#!/usr/bin/env bash
# Prints the performance figures quoted in the README, with the machine they were measured on.
#   ./scripts/bench.sh            all figures
#   BENCH_IDEAS=… BENCH_VOTES=…   size of the export benchmark (default 100000 ideas, 1000000 votes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}" bc
ideen_build dev
bin="$IDEEN_ROOT/build/dev/kiosk/app/ideenkiosk"
bench="$IDEEN_ROOT/build/dev/tests/ideen_bench"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "disk of the databases: $(df -h "$work" | awk 'NR==2{print $1" ("$2")"}'), date: $(date -u +%Y-%m-%d)"

# [SECTION] The model: durable commits and similar()
"$bench" "$work"

# [SECTION] Export of a large event, beside sqlite3 -csv running the equivalent query on the same file
ideas="${BENCH_IDEAS:-100000}"
votes="${BENCH_VOTES:-1000000}"
db="$work/export.db"
start=$(date +%s.%N)
"$bin" --db "$db" demo --ideas "$ideas" --votes "$votes" >/dev/null
echo "demo data: $ideas ideas, $votes votes written in $(echo "$(date +%s.%N) - $start" | bc) s"

seconds() {  # seconds COMMAND…: wall time of one run
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
ours_ideas=$(seconds "$bin" --db "$db" export ideas --format csv -o "$work/ideas.csv")
ours_votes=$(seconds "$bin" --db "$db" export votes --format csv -o "$work/votes.csv")
theirs_ideas=$(seconds sqlite3 -csv -header "$db" \
  "SELECT i.number, i.id, i.title, i.description, i.category, i.language, i.status,
          (SELECT count(DISTINCT v.session_id) FROM votes v JOIN sessions s ON s.id = v.session_id
            WHERE v.idea_id = i.id AND v.kind = 'vote' AND s.voided = 0
             AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)) AS votes,
          i.created_at, i.merged_into, i.author
     FROM ideas i ORDER BY i.number" )
theirs_votes=$(seconds sqlite3 -csv -header "$db" \
  "SELECT v.id, i.number, v.idea_id, v.session_id, v.kind, v.retracts, v.created_at, v.kiosk_id
     FROM votes v JOIN ideas i ON i.id = v.idea_id ORDER BY v.created_at, v.id")
printf 'export ideas to CSV (%s ideas): ideenkiosk %.2f s, sqlite3 -csv %.2f s, ratio %.2f\n' \
  "$ideas" "$ours_ideas" "$theirs_ideas" "$(echo "$ours_ideas / $theirs_ideas" | bc -l)"
printf 'export votes to CSV (%s votes): ideenkiosk %.2f s, sqlite3 -csv %.2f s, ratio %.2f\n' \
  "$votes" "$ours_votes" "$theirs_votes" "$(echo "$ours_votes / $theirs_votes" | bc -l)"
