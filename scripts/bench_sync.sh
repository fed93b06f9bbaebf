#!/usr/bin/env bash
# The venue sync's figures against a throwaway PostgreSQL 15 (started here as an unprivileged user):
# rows pushed per second, and commit at kiosk A -> visible in kiosk B's file (both running `sync`), p50/p99.
#   scripts/bench_sync.sh BIN SRC        (scripts/bench.sh calls it with the dev build)
set -uo pipefail
BIN="$1"
SRC="$2"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ideen-bench-sync.XXXXXX")"
CHILDREN=()
source "$SRC/tests/e2e/pg_lib.sh"
finish() {
  local pid
  for pid in "${CHILDREN[@]}"; do kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  stop_pg
  rm -rf "$WORK"
}
trap finish EXIT
start_pg
"$BIN" server init --server "$PG_URL" >/dev/null

# [SECTION] Rows pushed per second: one file with a large outbox, `sync --once` (push, then pull its own rows back)
"$BIN" --db "$WORK/push.db" demo --ideas 2000 --votes 20000 --seed 3 >/dev/null
rows="$(sqlite3 "$WORK/push.db" "SELECT count(*) FROM outbox")"
t0=$(date +%s.%N)
"$BIN" --db "$WORK/push.db" sync --server "$PG_URL" --once >"$WORK/push.log"
t1=$(date +%s.%N)
printf 'sync --once of %s outbox rows (push in batches of 500, then pull them back): %.2f s, %.0f rows/s\n' \
  "$rows" "$(echo "$t1 - $t0" | bc)" "$(echo "$rows / ($t1 - $t0)" | bc -l)"

# [SECTION] Commit at A -> visible in B's file, both kiosks running `sync` (the projector --server path is B's)
"$BIN" --db "$WORK/a.db" event create --title "Bench" --activate >/dev/null
"$BIN" --db "$WORK/a.db" sync --server "$PG_URL" --once >/dev/null
"$BIN" --db "$WORK/b.db" sync --server "$PG_URL" --once >/dev/null
for k in a b; do
  "$BIN" --db "$WORK/$k.db" sync --server "$PG_URL" >"$WORK/sync-$k.log" 2>&1 &
  CHILDREN+=($!)
done
sleep 2
python3 - "$BIN" "$WORK/a.db" "$WORK/b.db" <<'PY'
import sqlite3, subprocess, sys, time
binary, a, b = sys.argv[1:4]
reader = sqlite3.connect(b)
latencies = []
for i in range(60):
    title = f"Messung {i} {time.time_ns()}"
    subprocess.run([binary, "--db", a, "idea", "add", "--title", title], check=True, stdout=subprocess.DEVNULL)
    committed = time.monotonic()  # the commit happened before the command returned: this slightly understates
    while True:
        if reader.execute("SELECT 1 FROM ideas WHERE title = ?", (title,)).fetchone():
            latencies.append((time.monotonic() - committed) * 1000)
            break
        if time.monotonic() - committed > 10:
            latencies.append(10000.0)
            break
        time.sleep(0.002)
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"commit at kiosk A -> visible in kiosk B's file ({len(latencies)} ideas, both running `sync`): "
      f"p50 {p(0.50):.0f} ms, p99 {p(0.99):.0f} ms, max {latencies[-1]:.0f} ms")
PY
