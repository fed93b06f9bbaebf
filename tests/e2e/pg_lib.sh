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
  if ! "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
      -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
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
