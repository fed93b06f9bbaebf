#!/usr/bin/env bash
# What a venue would run instead: Debian's chromium in kiosk mode showing a static page of the same published idea
# cards (scripts/lib/cards_html.py, from `ideenkiosk export ideas` of the same database), on the current DISPLAY.
# Prints start → first paint, PSS of all its processes, idle CPU, and the frames of a scroll through the list;
# the figures go to stdout as "chromium KEY VALUE" lines for scripts/bench.sh's side-by-side table.
#   scripts/bench_chromium.sh BINARY DATABASE [IDLE_SECONDS]
# chromium runs as an unprivileged user of its own (ideen-bench, created here if missing), with its sandbox: its
# processes are then exactly that user's, and the figures count all of them (zygotes, GPU, network, renderers,
# the crash handlers that chromium leaves to init).
set -euo pipefail
bin="$1"; db="$2"; idle_seconds="${3:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
user=ideen-bench
id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-chromium.XXXXXX")"
chmod 755 "$work"
launcher=""
stop() {
  [ -n "$launcher" ] && kill "$launcher" 2>/dev/null
  # Only this user's processes, by their ids: the renderers and crash handlers that chromium started.
  local pids
  pids=$(pgrep -u "$user" || true)
  [ -n "$pids" ] && kill $pids 2>/dev/null && sleep 1
  pids=$(pgrep -u "$user" || true)
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  true
  rm -rf "$work"
}
trap stop EXIT
if pgrep -u "$user" >/dev/null; then echo "chromium: user $user still has processes; not measured" >&2; exit 1; fi

"$bin" --db "$db" export ideas --format csv --dialect rfc4180 -o "$work/ideas.csv" >/dev/null
cards=$(python3 "$root/scripts/lib/cards_html.py" "$work/ideas.csv" "$work/cards.html" 6)
profile="$work/profile"
mkdir "$profile"
chown "$user" "$profile"
chmod 644 "$work/cards.html"

hz=$(getconf CLK_TCK)
ticks() {  # CPU ticks of all the user's processes (user + system)
  local total=0 pid
  for pid in $(pgrep -u "$user"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
pss_kb() {
  local total=0 pid
  for pid in $(pgrep -u "$user"); do
    total=$(( total + $(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
wait_log() {  # wait_log PATTERN SECONDS
  for _ in $(seq 1 $(( $2 * 10 ))); do grep -q "$1" "$work/chromium.log" && return 0; sleep 0.1; done
  return 1
}

started_ms=$(date +%s%3N)
runuser -u "$user" -- env HOME="$profile" chromium --kiosk --user-data-dir="$profile" --no-first-run \
  --no-default-browser-check --disable-background-networking --disable-component-update --disable-sync \
  --enable-logging=stderr --v=0 "file://$work/cards.html#scroll" >"$work/chromium.log" 2>&1 &
launcher=$!
not_measured() {
  echo "chromium: the page did not report $1 within 120 s; not measured ($(grep -m1 -E 'FATAL' "$work/chromium.log" | cut -c1-160))" >&2
  exit 1
}
# The page says when it is about to scroll (after its first paint and a quiet moment), then scrolls for 6 s.
wait_log 'ideen-bench scroll-soon' 120 || not_measured "that it is ready"
scroll_start_ticks=$(ticks)
wait_log 'ideen-bench frames' 60 || not_measured "its frames"
scroll_end_ticks=$(ticks)
python3 - "$work/chromium.log" "$started_ms" "$cards" <<'PY' >"$work/figures"
import re, sys
log, started, cards = open(sys.argv[1], encoding="utf-8", errors="replace").read(), float(sys.argv[2]), sys.argv[3]
paint = float(re.search(r"ideen-bench first-paint-epoch-ms ([\d.]+)", log).group(1))
stamps = [float(s) for s in re.search(r"ideen-bench frames ([\d. ]+)", log).group(1).split()]
gaps = sorted(b - a for a, b in zip(stamps, stamps[1:]))
pick = lambda p: gaps[min(len(gaps) - 1, int(p * (len(gaps) - 1) + 0.5))]
print(f"chromium cards {cards}")
print(f"chromium first_paint_ms {paint - started:.0f}")
print(f"chromium frames {len(gaps)}")
print(f"chromium scroll_ms {stamps[-1] - stamps[0]:.0f}")
print(f"chromium frame_interval_p50_ms {pick(.5):.1f}")
print(f"chromium frame_interval_p99_ms {pick(.99):.1f}")
PY
sleep 5
pss=$(pss_kb)
t0=$(ticks); sleep "$idle_seconds"; t1=$(ticks)
frames=$(awk '$2 == "frames" {print $3}' "$work/figures")
cat "$work/figures"
echo "chromium processes $(pgrep -u "$user" | wc -l)"
echo "chromium pss_mib $(echo "scale=1; $pss / 1024" | bc)"
echo "chromium idle_cpu_percent $(echo "scale=3; ($t1 - $t0) * 100 / $hz / $idle_seconds" | bc)"
# CPU per frame of all processes over the scroll (which begins 1 s after "scroll-soon": that second is idle).
echo "chromium cpu_per_frame_ms $(echo "scale=2; ($scroll_end_ticks - $scroll_start_ticks) * 1000 / $hz / $frames" | bc)"
