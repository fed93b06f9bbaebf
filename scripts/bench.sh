#!/usr/bin/env bash
# Prints the performance figures quoted in the README, with the machine they were measured on.
#   ./scripts/bench.sh            all figures
#   BENCH_IDEAS=… BENCH_VOTES=…   size of the export benchmark (default 100000 ideas, 1000000 votes)
#   BENCH_SECTIONS="kiosk …"     only these of: model export kiosk arabic projector phones (default all)
#   BENCH_PRESET=ci               measure the build of that preset instead of dev (the same optimisation)
#   BENCH_BIN=PATH                measure that ideenkiosk binary (e.g. an older build, for before/after), unbuilt
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}" bc
preset="${BENCH_PRESET:-dev}"
bin="${BENCH_BIN:-$IDEEN_ROOT/build/$preset/kiosk/app/ideenkiosk}"
bench="$IDEEN_ROOT/build/$preset/tests/ideen_bench"
# A given binary is measured as it is; the preset's tree is built only when it lacks its bench program.
[ -n "${BENCH_BIN:-}" ] && [ -x "$bench" ] || ideen_build "$preset"
sections=" ${BENCH_SECTIONS:-model export kiosk arabic projector phones} "
measures() { [[ "$sections" == *" $1 "* ]]; }
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "disk of the databases: $(df -h "$work" | awk 'NR==2{print $1" ("$2")"}'), date: $(date -u +%Y-%m-%d)"
echo "binary: $bin"

# [SECTION] The model: durable commits and similar()
measures model && "$bench" "$work"

# [SECTION] Export of a large event, beside sqlite3 -csv running the equivalent query on the same file
bench_export() {
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
}
measures export && bench_export

# [SECTION] The venue sync through a throwaway PostgreSQL 15
"$IDEEN_ROOT/scripts/bench_sync.sh" "$bin" "$IDEEN_ROOT" || echo "venue sync figures: not measured (see above)"

# [SECTION] The results report (PDF) and the Excel workbook, small and large
small_db="$work/report1000.db"
"$bin" --db "$small_db" demo --ideas 1000 --votes 10000 >/dev/null
for size in "1000 10000 $small_db" "$ideas $votes $db"; do
  read -r n_ideas n_votes file <<<"$size"
  report_s=$(seconds "$bin" --db "$file" report -o "$work/report.pdf")
  workbook_s=$(seconds "$bin" --db "$file" export all -o "$work")
  xlsx_s=$(seconds "$bin" --db "$file" export votes --format xlsx -o "$work/votes.xlsx")
  printf 'report PDF (%s ideas, %s votes): %.2f s, %s KiB; workbook of the votes: %.2f s, %s KiB; export all (CSV, JSON, workbook, report, backup): %.2f s\n' \
    "$n_ideas" "$n_votes" "$report_s" "$(( $(stat -c %s "$work/report.pdf") / 1024 ))" "$xlsx_s" \
    "$(( $(stat -c %s "$work/votes.xlsx") / 1024 ))" "$workbook_s"
  rm -rf "$work"/ideenkiosk-*
done

# [SECTION] The kiosk window on a virtual 1920×1080 display (Xvfb, Mesa llvmpipe: software OpenGL)
ideen_virtual_display 1920x1080
trap 'kill "$IDEEN_XVFB_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
wait_for() { for _ in $(seq 1 200); do [ -s "$1" ] && return 0; sleep 0.05; done; return 1; }

kiosk_db="$work/kiosk1000.db"
"$bin" --db "$kiosk_db" demo --ideas 1000 --votes 3000 >/dev/null
hz=$(getconf CLK_TCK)

bench_kiosk() {
  start=$(date +%s.%N)
  "$bin" --db "$kiosk_db" run --allow-exit --automation "$work/a1.json" >/dev/null 2>&1 &
  pid=$!
  wait_for "$work/a1.json"
  first_frame=$(echo "($(date +%s.%N) - $start) * 1000" | bc)
  sleep 3
  pss=$(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup")
  t0=$(cpu_ticks "$pid"); sleep 10; t1=$(cpu_ticks "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  printf 'kiosk start to first frame (1,000 ideas, until the automation file appears): %.0f ms\n' "$first_frame"
  printf 'kiosk memory after start (1,000 ideas): PSS %.1f MiB\n' "$(echo "$pss / 1024" | bc -l)"
  printf 'kiosk idle CPU on the attract screen over 10 s: %.2f %% of one core\n' "$(echo "($t1 - $t0) * 100 / $hz / 10" | bc -l)"

  # Frame CPU while a finger keeps flinging a list of 5,000 ideas.
  scroll_db="$work/kiosk5000.db"
  "$bin" --db "$scroll_db" demo --ideas 5000 --votes 20000 >/dev/null
  "$bin" --db "$scroll_db" run --allow-exit --automation "$work/a5.json" --frame-times "$work/frames.txt" >/dev/null 2>&1 &
  pid=$!
  wait_for "$work/a5.json"
  xdotool mousemove 960 540 click 1; sleep 0.5
  python3 - "$work/a5.json" >"$work/browse.xy" <<'PY'
import json, sys
for e in json.load(open(sys.argv[1]))["elements"]:
    if e["id"] == "choose:browse":
        r = e["rect"]; print(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2))
PY
  xdotool mousemove $(cat "$work/browse.xy") click 1; sleep 1
  for _ in $(seq 1 12); do
    xdotool mousemove 700 950 mousedown 1
    for y in 900 850 800 750 700 650 600 550 500 450 400; do xdotool mousemove 700 "$y"; sleep 0.016; done
    xdotool mouseup 1; sleep 0.6
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$work/frames.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def pick(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]
process = [float(r[0]) for r in rows]
thread = [float(r[1]) for r in rows]
print(f"frame CPU while scrolling 5,000 ideas at 1920x1080 ({len(rows)} frames): "
      f"whole process incl. llvmpipe software rendering p50 {pick(process, .5):.1f} ms, p99 {pick(process, .99):.1f} ms; "
      f"main thread p50 {pick(thread, .5):.1f} ms, p99 {pick(thread, .99):.1f} ms")
PY
}
measures kiosk && bench_kiosk

# [SECTION] The kiosk in Arabic: the font atlas with Noto Sans Arabic merged in, the first frame, and the memory
# after an attendee switched to Arabic and browsed ideas that are shaped and reordered every frame.
tap_element() {  # tap_element AUTOMATION_FILE ID: a click at the centre of that element, as the e2e tests do
  local xy
  xy=$(python3 -c 'import json, sys
for e in json.load(open(sys.argv[1]))["elements"]:
    if e["id"] == sys.argv[2]:
        r = e["rect"]; print(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2)); break' "$1" "$2")
  [ -n "$xy" ] && xdotool mousemove $xy click 1
  sleep 0.7
}
bench_arabic() {
  local ar_db="$work/kiosk-ar.db" log="$work/kiosk-ar.log"
  "$bin" --db "$ar_db" demo --ideas 1000 --votes 3000 >/dev/null
  for n in $(seq 1 30); do
    "$bin" --db "$ar_db" idea add --language ar --category sprache \
      --title "دروس لغة ألمانية للأمهات رقم $n في Herten" >/dev/null
  done
  start=$(date +%s.%N)
  "$bin" --db "$ar_db" run --allow-exit --automation "$work/ar.json" >"$log" 2>&1 &
  pid=$!
  wait_for "$work/ar.json"
  first_frame=$(echo "($(date +%s.%N) - $start) * 1000" | bc)
  sleep 1
  tap_element "$work/ar.json" attract
  tap_element "$work/ar.json" lang:ar
  tap_element "$work/ar.json" choose:browse
  tap_element "$work/ar.json" order:browse.order_newest
  sleep 2
  pss=$(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup")
  language=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["language"], d["screen"])' "$work/ar.json")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  atlas=$(grep -o 'font atlas [0-9x]* px, [0-9]* glyphs' "$log" | head -1)
  printf 'kiosk start to first frame with Noto Sans Arabic merged (1,000 ideas): %.0f ms
' "$first_frame"
  printf 'kiosk memory after browsing in Arabic (%s, 30 Arabic ideas on top): PSS %.1f MiB
' "$language" "$(echo "$pss / 1024" | bc -l)"
  printf 'kiosk %s (RGBA32 in memory: %.1f MiB)
' "${atlas:-font atlas: not logged}" \
    "$(echo "$atlas" | awk '{split($3, s, "x"); print s[1] * s[2] * 4 / 1048576}')"
}
measures arabic && bench_arabic

# [SECTION] The projector: from a commit (here, by this benchmark's own connection) to the presented frame,
# and what it costs while nothing changes.
bench_projector() {
  "$bin" --db "$kiosk_db" projector --allow-exit --automation "$work/p.json" >/dev/null 2>&1 &
  pid=$!
  wait_for "$work/p.json"
  sleep 2
  "$bench" projector "$kiosk_db" "$work/p.json" 60
  sleep 2
  t0=$(cpu_ticks "$pid"); sleep 10; t1=$(cpu_ticks "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  printf 'projector idle CPU with nothing changing over 10 s: %.2f %% of one core\n' "$(echo "($t1 - $t0) * 100 / $hz / 10" | bc -l)"

  # [SECTION] The projector as a second window of the kiosk process (run --projector-windowed, on the same virtual
  # screen): the same commits while the kiosk idles on its attract screen, and what the one process costs idle.
  "$bin" --db "$kiosk_db" run --allow-exit --automation "$work/k2.json" --projector-windowed 1920x1080 \
    --projector-automation "$work/p2.json" >/dev/null 2>&1 &
  pid=$!
  wait_for "$work/p2.json"
  sleep 2
  "$bench" projector "$kiosk_db" "$work/p2.json" 60 | sed 's/^projector update latency/projector window in the kiosk process: update latency/'
  sleep 3
  t0=$(cpu_ticks "$pid"); sleep 20; t1=$(cpu_ticks "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  printf 'kiosk with the projector window, idle CPU on the attract screen over 20 s: %.2f %% of one core\n' \
    "$(echo "($t1 - $t0) * 100 / $hz / 20" | bc -l)"
}
measures projector && bench_projector

# [SECTION] Phones: 100 phones voting for 10 s against `ideenkiosk phones` (wrk)
measures phones && "$IDEEN_ROOT/scripts/bench_phones.sh" "$bin" 10 100
exit 0
