#!/usr/bin/env bash
# A kiosk's saves in another process while `phones --listen` commits votes back to back: fifty phones (wrk, every
# limit raised) vote as fast as they are answered, and meanwhile the command line adds ideas with a short busy
# timeout, each in a process of its own. The group writer leaves no gap between its commits while nobody waits, and
# a long one while someone does; it learns of a waiter in another process from the file's board in shared memory
# (storage/lock_waits.h). (With the board disabled, the saves got in here too, through the moments the writer
# waits for its queue: the board itself is tested in tests/phones/test_backend.cpp, across two processes.)
source "$(dirname "$0")/lib.sh"
DB="$WORK/event.db"
k() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
require_tools curl wrk

k event load "$SRC/assets/event.example.toml" >/dev/null
for i in $(seq 1 20); do k idea add --title "Idee Nummer $i" >/dev/null; done
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
"$BIN" --db "$DB" phones --listen "127.0.0.1:$PORT" --rate-limit-scale 10000 --per-address 0 >"$WORK/phones.log" 2>&1 &
SERVER=$!
CHILDREN+=("$SERVER")
for _ in $(seq 50); do curl -s -o /dev/null "$URL/" && break; sleep 0.1; done
PHONES=50
for i in $(seq 1 "$PHONES"); do
  curl -s -o /dev/null -c "$WORK/jar$i" -H "Origin: $URL" -H 'Content-Type: application/json' \
    --data '{"language":"de"}' "$URL/api/session"
  awk '$6 == "ik_session" {print $7}' "$WORK/jar$i"
done >"$WORK/tokens"
[ "$(wc -l <"$WORK/tokens")" = "$PHONES" ] && pass || fail "$PHONES phone sessions started: $(wc -l <"$WORK/tokens")"

PHONE_TOKENS="$WORK/tokens" PHONE_IDEAS=20 PHONE_ORIGIN="$URL" \
  wrk -t "$PHONES" -c "$PHONES" -d 8s -s "$SRC/tests/bench/phones_vote.lua" "$URL/" >"$WORK/wrk.out" 2>&1 &
LOAD=$!
CHILDREN+=("$LOAD")
sleep 1.5
votes_before=$(q "SELECT count(*) FROM votes")
saved=0
for i in $(seq 1 10); do
  began=$(date +%s%N)
  if k --busy-timeout 2000 idea add --title "Neben den Handys $i" >>"$WORK/saves.log" 2>&1; then
    saved=$((saved + 1))
  fi
  echo "save $i: $(( ($(date +%s%N) - began) / 1000000 )) ms" >>"$WORK/save-times.log"
  sleep 0.2
done
votes_after=$(q "SELECT count(*) FROM votes")
wait "$LOAD"
echo "phones: $(grep '^phones:' "$WORK/wrk.out")"
echo "saves beside them: $(tr '\n' ' ' <"$WORK/save-times.log")"
[ "$saved" = 10 ] && pass || fail "the saves of another process got the lock: $saved of 10 ($(tail -3 "$WORK/saves.log"))"
[ "$(q "SELECT count(*) FROM ideas WHERE title LIKE 'Neben den Handys %'")" = 10 ] && pass || fail "10 ideas stored"
# They were saved under load: the phones' votes went on while the saves waited.
[ $((votes_after - votes_before)) -gt 500 ] && pass || fail "the phones voted only $((votes_after - votes_before)) times during the saves"
grep -q ' 0 non-2xx, 0 connect, 0 read, 0 write, 0 timeout' "$WORK/wrk.out" && pass || fail "the phones saw errors: $(cat "$WORK/wrk.out")"
finish
