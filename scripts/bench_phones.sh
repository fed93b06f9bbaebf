#!/usr/bin/env bash
# Phones under load: 100 phones (wrk threads, one keep-alive connection and one session each) voting and taking
# back for 10 s against the phone server inside a kiosk (`run --phones`, its window on a virtual display, showing
# the browse screen, whose counts every commit changes). Prints votes/s, p50/p99 latency and errors, and the
# kiosk's main-thread frame times meanwhile, each line with the load average (the machine may be shared).
#   scripts/bench_phones.sh BINARY [SECONDS] [PHONES]     (scripts/bench.sh calls it inside its virtual display)
set -euo pipefail
bin="$1"; seconds="${2:-10}"; phones="${3:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/display.sh
source "$root/scripts/lib/display.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-phones.XXXXXX")"
kiosk=""; xvfb=""
trap '[ -n "$kiosk" ] && kill "$kiosk" 2>/dev/null; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
if [ -z "${DISPLAY:-}" ]; then
  ideen_start_xvfb 1920x1080 || { echo "phones: no virtual display (Xvfb)" >&2; exit 1; }
  xvfb="$IDEEN_XVFB_PID"
fi
export LIBGL_ALWAYS_SOFTWARE=1
db="$work/phones.db"
"$bin" --db "$db" event load "$root/assets/event.example.toml" >/dev/null
for i in $(seq 1 20); do "$bin" --db "$db" idea add --title "Idee Nummer $i für die Stadt" >/dev/null; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
# Every limit raised, the cap on connections per address off: here a hundred phones share one address and each
# votes far faster than a person could. (An older binary, without that cap, is compared as it is.)
uncapped=()
"$bin" run --help 2>/dev/null | grep -q -- --phones-per-address && uncapped=(--phones-per-address 0)
"$bin" --db "$db" run --allow-exit --automation "$work/kiosk.json" --frame-times "$work/frames.txt" \
  --phones "127.0.0.1:$port" --test-phones-rate-limit-scale 10000 "${uncapped[@]}" >"$work/kiosk.log" 2>&1 &
kiosk=$!
for _ in $(seq 100); do [ -s "$work/kiosk.json" ] && curl -s -o /dev/null "$url/" && break; sleep 0.1; done
# The browse screen: its vote counts change with every commit, so the kiosk draws while the phones vote.
tap() {
  local xy
  xy=$(python3 -c 'import json, sys
for e in json.load(open(sys.argv[1]))["elements"]:
    if e["id"] == sys.argv[2]: r = e["rect"]; print(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2))' "$work/kiosk.json" "$1")
  [ -n "$xy" ] && xdotool mousemove $xy click 1
  sleep 0.5
}
tap attract; tap choose:browse
for i in $(seq 1 "$phones"); do
  curl -s -o /dev/null -c "$work/jar$i" -H "Origin: $url" -H 'Content-Type: application/json' \
    --data '{"language":"de"}' "$url/api/session"
  awk '$6 == "ik_session" {print $7}' "$work/jar$i"
done >"$work/tokens"
[ "$(wc -l <"$work/tokens")" = "$phones" ] || { echo "could not start $phones phone sessions" >&2; exit 1; }
before=$(load)
cpu_before=$(awk '{print $14 + $15}' "/proc/$kiosk/stat")
PHONE_TOKENS="$work/tokens" PHONE_IDEAS=20 PHONE_ORIGIN="$url" \
  wrk -t "$phones" -c "$phones" -d "${seconds}s" --latency -s "$root/tests/bench/phones_vote.lua" "$url/" >"$work/wrk.out"
echo "$(grep "^phones:" "$work/wrk.out") ($before before, $(load) after)"
# Issue 15's goals: p99 at most 50 ms, no errors.
sed -n 's/^phones: .* p99 \([0-9.]*\) ms, errors: \([0-9]*\) non-2xx, \([0-9]*\) connect, \([0-9]*\) read, \([0-9]*\) write, \([0-9]*\) timeout$/\1 \2 \3 \4 \5 \6/p' "$work/wrk.out" |
  awk '{ errors = $2 + $3 + $4 + $5 + $6
         printf "phones: p99 %s ms (goal <= 50 ms, %.2fx the goal: %s); errors %d (goal 0: %s)\n", $1, $1 / 50,
                ($1 <= 50 ? "met" : "NOT met"), errors, (errors == 0 ? "met" : "NOT met") }'
cpu_after=$(awk '{print $14 + $15}' "/proc/$kiosk/stat")
answers=$(sed -n 's/^phones: \([0-9]*\) requests.*/\1/p' "$work/wrk.out")
[ "${answers:-0}" -gt 0 ] && echo "phones: the kiosk's CPU per answer (all its threads, the window's drawing included): $(( (cpu_after - cpu_before) * 1000000 / $(getconf CLK_TCK) / answers )) us"
kill -TERM "$kiosk"; wait "$kiosk" 2>/dev/null || true; kiosk=""
stored=$(sqlite3 "$db" "SELECT count(*) FROM votes")
echo "phones: $stored vote and take-back events stored; refused requests logged: $(grep -c 'refused' "$work/kiosk.log" || true)"
# Frame times of the whole run; the kiosk draws next to nothing while it waits before and after the load.
PYTHONPATH="$root/scripts/lib" python3 - "$work/frames.txt" "$(load)" <<'PY'
import sys
from frame_times import pick, rows_of
rows = rows_of(sys.argv[1])
thread = [float(r[1]) for r in rows]
wall = [float(r[2]) for r in rows]
print(f"phones: kiosk main thread during the load ({len(rows)} frames): CPU p50 {pick(thread, .5):.1f} ms, "
      f"p99 {pick(thread, .99):.1f} ms; wall time outside GL rendering p50 {pick(wall, .5):.1f} ms, "
      f"p99 {pick(wall, .99):.1f} ms ({sys.argv[2]})")
PY
