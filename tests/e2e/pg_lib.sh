#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for sync tests: initdb and pg_ctl as an unprivileged user (PostgreSQL refuses root),
# socket and data in the test's temporary folder, no fsync. Sourced after lib.sh.
PG_BIN="${IDEEN_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR=""
PG_PORT=""
PG_PASSWORD="Geheim-Passwort-42"
PG_RUN=()

# skip_test WHY: the case cannot run on this machine; CTest counts exit 77 as skipped.
skip_test() {
  echo "SKIP: $*"
  exit 77
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_pg: a server with local (socket) connections trusted and TCP ones by password (user ideen, PG_PASSWORD);
# sets PG_DIR, PG_PORT, PG_URL (socket) and PG_TCP_URL_NO_PASSWORD. Skips the test when it cannot.
# PG_EXTRA_LISTEN: one more address to listen on (besides 127.0.0.1).
start_pg() {
  [ -x "$PG_BIN/initdb" ] || skip_test "no PostgreSQL 15 at $PG_BIN (apt-get install postgresql-15)"
  local user="${IDEEN_PG_USER:-nobody}"
  if [ "$(id -u)" = 0 ]; then
    id "$user" >/dev/null 2>&1 || skip_test "no unprivileged user '$user' to run PostgreSQL as"
    PG_RUN=(runuser -u "$user" --)
  fi
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR"
  chmod 711 "$WORK"
  echo "$PG_PASSWORD" >"$PG_DIR/pwfile"
  [ "$(id -u)" = 0 ] && chown -R "$user" "$PG_DIR"
  PG_PORT="$(free_port)"
  if ! "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U ideen --pwfile="$PG_DIR/pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 --no-sync >"$WORK/initdb.log" 2>&1; then
    skip_test "initdb failed as $user: $(tail -n 2 "$WORK/initdb.log")"
  fi
  # PG_EXTRA_HBA: more lines for pg_hba.conf (a kiosk in a network namespace connects from its own address).
  [ -n "${PG_EXTRA_HBA:-}" ] && echo "$PG_EXTRA_HBA" >>"$PG_DIR/data/pg_hba.conf"
  if ! "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
      -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1${PG_EXTRA_LISTEN:+,$PG_EXTRA_LISTEN} -c fsync=off -c synchronous_commit=off" \
      start >"$WORK/pg_ctl.log" 2>&1; then
    skip_test "PostgreSQL did not start: $(tail -n 3 "$PG_DIR/server.log" 2>/dev/null)"
  fi
  PG_URL="host=$PG_DIR port=$PG_PORT dbname=postgres user=ideen"
  PG_TCP_URL_NO_PASSWORD="host=127.0.0.1 port=$PG_PORT dbname=postgres user=ideen"
}

stop_pg() {
  [ -n "$PG_DIR" ] && "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  PG_DIR=""
}

# psql_value SQL: one value from the server.
psql_value() { psql "$PG_URL" -XAtqc "$1"; }

# restart_pg: pg_ctl restart, fast (open transactions are aborted, clients cut off), same options as before.
restart_pg() {
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -m fast -w -t 30 restart >"$WORK/pg_ctl.log" 2>&1
}

# [SECTION] Kiosk files and the server compared (tests that source lib.sh: BIN, WORK, fail, pass)

kiosk() { local name="$1"; shift; "$BIN" --db "$WORK/$name.db" "$@"; }

# counts FILE: the rows of every synced table, one line.
counts() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM sessions) || ' ' ||
                (SELECT count(*) FROM ideas) || ' ' || (SELECT count(*) FROM votes) || ' ' ||
                (SELECT count(*) FROM moderation_log)"
}
server_counts() {
  psql_value "SELECT string_agg(n::text, ' ' ORDER BY o) FROM (SELECT o, (SELECT count(DISTINCT row_id) FROM
              ideenkiosk.changes WHERE kind = k) AS n FROM (VALUES (1, 'event'), (2, 'session'), (3, 'idea'),
              (4, 'vote'), (5, 'moderation')) AS kinds(o, k)) AS c"
}
# ideas_fingerprint FILE: every idea's id, venue number, status and pin (what must be the same everywhere).
ideas_fingerprint() { sqlite3 "$1" "SELECT id, number, status, pinned FROM ideas ORDER BY id" | md5sum; }
sync_once() { kiosk "$1" sync --server "$PG_URL" --once >>"$WORK/sync-$1.log" 2>&1 || fail "sync of $1 failed: $(tail -n 1 "$WORK/sync-$1.log")"; }
# same_everywhere WHAT KIOSK…: the same counts and ideas in every named kiosk's file and on the server.
same_everywhere() {
  local what="$1"; shift
  local want; want="$(counts "$WORK/$1.db")"
  local name
  for name in "$@"; do
    [ "$(counts "$WORK/$name.db")" = "$want" ] || { fail "$what: $name has $(counts "$WORK/$name.db"), $1 has $want"; return; }
    [ "$(ideas_fingerprint "$WORK/$name.db")" = "$(ideas_fingerprint "$WORK/$1.db")" ] ||
      { fail "$what: the ideas of $name differ from $1's (numbers, status or pin)"; return; }
  done
  [ "$(server_counts)" = "$want" ] || { fail "$what: the server has $(server_counts), the kiosks $want"; return; }
  echo "  $what: every file and the server hold $want (events sessions ideas votes log)"
  pass
}
# kiosk_id KIOSK: the kiosk id in KIOSK's file (the server keeps it beside every row the kiosk pushed).
kiosk_id() { sqlite3 "$WORK/$1.db" "SELECT value FROM meta WHERE key = 'kiosk_id'"; }
# pushed_once KIOSK: every outbox entry the kiosk ever made is on the server exactly once (the server keeps a row
# per kiosk and outbox number; the kiosk's AUTOINCREMENT counter says how many it made).
pushed_once() {
  local id made onserver
  id="$(kiosk_id "$1")"
  made="$(sqlite3 "$WORK/$1.db" "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")"
  onserver="$(psql_value "SELECT count(*) || ' ' || count(DISTINCT outbox_seq) FROM ideenkiosk.changes WHERE kiosk_id = '$id'")"
  [ "$onserver" = "$made $made" ] && pass ||
    fail "$1 made $made outbox entries; the server holds (rows, distinct) $onserver of them"
}
# caught_up KIOSK…: nothing waits in any named kiosk's outbox, and each file holds what the server holds.
caught_up() {
  local want name
  want="$(server_counts)"
  for name in "$@"; do
    [ "$(sqlite3 "$WORK/$name.db" "SELECT count(*) FROM outbox")" = 0 ] || return 1
    [ "$(counts "$WORK/$name.db")" = "$want" ] || return 1
  done
}
# wait_caught_up LIMIT KIOSK…: prints the seconds until caught_up held (polled every 0.1 s), or fails after LIMIT s.
wait_caught_up() {
  local limit="$1" t0 now; shift
  t0=$(date +%s.%N)
  while ! caught_up "$@"; do
    now=$(date +%s.%N)
    [ "$(echo "$now - $t0 > $limit" | bc)" = 1 ] && return 1
    sleep 0.1
  done
  echo "$(date +%s.%N) - $t0" | bc
}
