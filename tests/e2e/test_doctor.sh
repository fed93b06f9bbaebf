#!/usr/bin/env bash
# `ideenkiosk doctor` on a good venue set-up (every check OK or a mere warning, exit 0) and on broken ones (each
# fault a FAIL line with what to do, exit 1 with one line on stderr).
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
start_display 1920x1080

# A server that answers: a listening TCP socket the test opens (and a port nobody listens on).
python3 - "$WORK/port" "$WORK/closed-port" <<'PY' &
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
c = socket.socket(); c.bind(("127.0.0.1", 0)); closed = c.getsockname()[1]; c.close()
open(sys.argv[2], "w").write(str(closed))
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
while True:
    conn, _ = s.accept(); conn.close()
PY
CHILDREN+=($!)
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done

# [SECTION] A good set-up: database with the active event and a PIN, a reachable server, a display.
DB="$WORK/good/ideenkiosk.db"
mkdir -p "$WORK/good"
"$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
echo 4711 | "$BIN" --db "$DB" pin set >/dev/null
cat >"$WORK/good.toml" <<TOML
database = "$DB"
[kiosk]
monitor = 0
[server]
url = "postgresql://kiosk:geheim@127.0.0.1:$(cat "$WORK/port")/ideen"
TOML
"$BIN" --config "$WORK/good.toml" doctor >"$WORK/good.out" 2>"$WORK/good.err"
code=$?
[ "$code" = 0 ] && pass || fail "doctor on a good set-up: exit $code: $(cat "$WORK/good.out" "$WORK/good.err")"
for want in "OK    display: 0: .* 1920x1080" "OK    fonts:" "OK    clock:" "OK    database: $DB is writable" \
  "OK    pin:" "OK    event: .*Integrationskonferenz.* is active" "OK    crashes: none" "OK    server: 127.0.0.1:[0-9]* answers" \
  "(OK  |WARN)  disk:" "(OK  |WARN)  touch:" "(OK  |WARN)  touch map:"; do
  grep -Eq "^$want" "$WORK/good.out" && pass || fail "good set-up shows $want: $(cat "$WORK/good.out")"
done
grep -q geheim "$WORK/good.out" && fail "the server's password is in the report" || pass
[ "$(grep -c . "$WORK/good.out")" = 11 ] && pass || fail "one line per check: $(cat "$WORK/good.out")"

# [SECTION] Broken set-ups: each fault is a FAIL with advice after "->", and doctor exits 1 with one line.
broken() {  # broken NAME WANT -- COMMAND…: exit 1, one stderr line, and a FAIL line matching WANT with advice
  local name="$1" want="$2"
  shift 3
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  local code=$?
  [ "$code" = 1 ] && [ "$(wc -l <"$WORK/$name.err")" = 1 ] && pass \
    || fail "$name: exit $code, stderr: $(cat "$WORK/$name.err")"
  grep -Eq "^FAIL  $want.* -> ." "$WORK/$name.out" && pass || fail "$name: no FAIL line $want: $(cat "$WORK/$name.out")"
}
broken no-display "display: " -- env -u DISPLAY "$BIN" --config "$WORK/good.toml" doctor
broken missing-monitor "display: monitor 3 not found" -- "$BIN" --config "$WORK/good.toml" doctor --monitor 3
broken no-database "database: .* does not exist yet" -- "$BIN" --db "$WORK/none/kiosk.db" doctor
cat >"$WORK/unreachable.toml" <<TOML
database = "$DB"
[server]
url = "127.0.0.1:$(cat "$WORK/closed-port")"
TOML
broken no-server "server: no answer from 127.0.0.1" -- "$BIN" --config "$WORK/unreachable.toml" doctor
echo 4711 | "$BIN" --db "$WORK/no-event.db" pin set >/dev/null  # a database with a PIN but no event
broken no-event "event: no active event" -- "$BIN" --db "$WORK/no-event.db" doctor
# A missing PIN is a warning: doctor still exits 0.
"$BIN" --db "$WORK/no-pin.db" event load "$SRC/assets/event.example.toml" >/dev/null
"$BIN" --db "$WORK/no-pin.db" doctor >"$WORK/no-pin.out" 2>&1 && pass || fail "no PIN alone fails doctor: $(cat "$WORK/no-pin.out")"
grep -q "^WARN  pin: no PIN.* -> ideenkiosk .*pin set" "$WORK/no-pin.out" && pass || fail "a database without a PIN warns: $(cat "$WORK/no-pin.out")"
head -c 8192 /dev/urandom >"$WORK/corrupt.db"
broken corrupt "database: " -- "$BIN" --db "$WORK/corrupt.db" doctor
if [ "$(id -u)" = 0 ]; then
  cp "$DB" "$WORK/theirs.db" && chown nobody "$WORK/theirs.db"
  broken other-owner "database: .* belongs to nobody" -- "$BIN" --db "$WORK/theirs.db" doctor
  [ ! -e "$WORK/theirs.db-wal" ] && pass || fail "doctor left a -wal file owned by root beside another user's database"
fi
# A good set-up stays good: doctor's write check left the data as it was.
[ "$("$BIN" --db "$DB" event list | wc -l)" = 1 ] && pass || fail "the good database still has its one event"
finish
