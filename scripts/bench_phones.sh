#!/usr/bin/env bash
# Phones under load: 100 phones (wrk threads, one keep-alive connection and one session each) voting and taking
# back for 10 s against `ideenkiosk phones`; prints votes/s, p50/p99 latency and errors.
#   scripts/bench_phones.sh BINARY [SECONDS] [PHONES]     (scripts/bench.sh calls it with the dev build)
set -euo pipefail
bin="$1"; seconds="${2:-10}"; phones="${3:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-phones.XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
db="$work/phones.db"
"$bin" --db "$db" event load "$root/assets/event.example.toml" >/dev/null
for i in $(seq 1 20); do "$bin" --db "$db" idea add --title "Idee Nummer $i für die Stadt" >/dev/null; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
# Every limit raised: here a hundred phones share one address and each votes far faster than a person could.
"$bin" --db "$db" phones --listen "127.0.0.1:$port" --rate-limit-scale 10000 >"$work/server.out" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "$url/" && break; sleep 0.1; done
for i in $(seq 1 "$phones"); do
  curl -s -o /dev/null -c "$work/jar$i" -H "Origin: $url" -H 'Content-Type: application/json' \
    --data '{"language":"de"}' "$url/api/session"
  awk '$6 == "ik_session" {print $7}' "$work/jar$i"
done >"$work/tokens"
[ "$(wc -l <"$work/tokens")" = "$phones" ] || { echo "could not start $phones phone sessions" >&2; exit 1; }
PHONE_TOKENS="$work/tokens" PHONE_IDEAS=20 PHONE_ORIGIN="$url" \
  wrk -t "$phones" -c "$phones" -d "${seconds}s" --latency -s "$root/tests/bench/phones_vote.lua" "$url/" >"$work/wrk.out"
grep "^phones:" "$work/wrk.out"
stored=$(sqlite3 "$db" "SELECT count(*) FROM votes")
echo "phones: $stored vote and take-back events stored; refused requests logged: $(grep -c 'refused' "$work/server.log" || true)"
