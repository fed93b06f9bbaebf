#!/usr/bin/env bash
# A kiosk whose link to the venue server drops silently while attendees keep voting (the kiosk's sync runs in a
# network namespace joined to the server's by a veth pair; the link goes down; in the soak also its route leads
# into a blackhole): it goes on offline, notices the drop within seconds (tcp_user_timeout, keepalives), and once the
# link returns pushes everything exactly once and pulls what the other kiosk wrote meanwhile. Skips (77) where
# this machine cannot make network namespaces; the server restart during a push is in test_sync_pg.sh. The
# moderators' laptop (`moderate --server`) sits behind the same link: its panel shows the sync's state, and a pin
# made there while offline reaches the other kiosk after the link returns. Kiosk b is a kiosk window with its sync
# worker in the same process (`run --server`): an idea added at a appears on its screen, a vote tapped there reaches a.
# The projector (`projector --server`, its own copy over the local socket) ends up showing both kiosks' ideas and votes.
# ctest-cost: 40
# ctest-sanitizers: no
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_lib.sh"
source "$(dirname "$0")/netns_lib.sh"
netns_setup || skip_test "$NETNS_WHY"
trap 'stop_pg; netns_teardown; cleanup' EXIT
PG_EXTRA_LISTEN="$NETNS_HOST_IP" PG_EXTRA_HBA="host all ideen $NETNS_KIOSK_IP/32 scram-sha-256" start_pg
# Kiosk a reaches the server only over the link (TCP with a password); b over the local socket. Processes that run
# in the background are started directly (not through a shell function), so $! is theirs and they can be stopped.
A_URL="host=$NETNS_HOST_IP port=$PG_PORT dbname=postgres user=ideen password=$PG_PASSWORD"

"$BIN" server init --server "$PG_URL" >/dev/null || fail "server init"
kiosk a demo --ideas 10 --votes 30 --seed 7 >/dev/null || fail "demo on a"
in_netns "$BIN" --db "$WORK/a.db" sync --server "$A_URL" --once >"$WORK/sync-a.log" 2>&1 ||
  fail "a cannot sync over the link: $(tail -n 1 "$WORK/sync-a.log")"
sync_once b
ip netns exec "$NETNS" "$BIN" --db "$WORK/a.db" sync --server "$A_URL" >"$WORK/worker-a.log" 2>&1 &
CHILDREN+=($!)
# Kiosk b is the attendees' kiosk window with its sync worker in the same process (`run --server`), on a display of
# its own; the moderators' laptop gets another.
export LIBGL_ALWAYS_SOFTWARE=1
start_display 1920x1080
B_DISPLAY="$DISPLAY"
"$BIN" --db "$WORK/b.db" run --allow-exit --automation "$WORK/b.json" --server "$PG_URL" >"$WORK/kiosk-b.log" 2>&1 &
CHILDREN+=($!)
for log in worker-a kiosk-b; do
  for _ in $(seq 1 300); do grep -q "sync: connected" "$WORK/$log.log" && break; sleep 0.1; done
done
# on_window b|laptop: the taps and automation queries that follow go to that window.
on_window() {
  case "$1" in
    b) DISPLAY="$B_DISPLAY" AUTOMATION="$WORK/b.json" ;;
    laptop) DISPLAY="$LAPTOP_DISPLAY" AUTOMATION="$WORK/laptop.json" ;;
  esac
}

# The projector for the hall shows the whole venue: `projector --server` on its own copy (over the local socket).
start_display 1280x720
PROJECTION="$WORK/projector.json"
"$BIN" --db "$WORK/projector.db" projector --allow-exit --server "$PG_URL" --automation "$PROJECTION" \
  >"$WORK/projector.log" 2>&1 &
CHILDREN+=($!)

# The moderators' laptop behind the same link: `moderate --server` on its own copy, the panel's band showing the sync.
start_display 1280x800
LAPTOP_DISPLAY="$DISPLAY"
AUTOMATION="$WORK/laptop.json"
ip netns exec "$NETNS" "$BIN" --db "$WORK/laptop.db" moderate --server "$A_URL" --automation "$AUTOMATION" \
  >"$WORK/laptop.log" 2>&1 &
CHILDREN+=($!)
wait_screen moderation 30 || { tail -n 5 "$WORK/laptop.log"; finish; exit 1; }
# laptop_sync_is True|False [SECONDS]: the panel's automation shows the sync connected (or not) within SECONDS.
laptop_sync_is() {
  local _
  for _ in $(seq 1 $((${2:-20} * 10))); do
    [ "$(automation_value 'd["panel"]["sync"]["connected"] and d["panel"]["sync"]["enabled"]')" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}
laptop_sync_is True && pass || fail "the laptop's panel does not show the sync connected: $(automation_value 'd["panel"]["sync"]')"

echo "[run --server: an idea added at kiosk a shows in b's window, a vote tapped there reaches a]"
on_window b
wait_screen attract 30 || { tail -n 5 "$WORK/kiosk-b.log"; finish; exit 1; }
tap attract; wait_screen start
tap choose:browse; wait_screen browse
tap order:browse.order_newest
kiosk a idea add --title "Aus dem Foyer ins Fenster" >/dev/null 2>&1 || fail "idea add on a"
number=""
for _ in $(seq 1 300); do
  number="$(sqlite3 "$WORK/b.db" "SELECT number FROM ideas WHERE title = 'Aus dem Foyer ins Fenster'")"
  [ -n "$number" ] && [ "$(automation_value "'card:$number' in [e['id'] for e in d['elements']]")" = True ] && break
  sleep 0.1
done
[ -n "$number" ] && [ "$(automation_value "'card:$number' in [e['id'] for e in d['elements']]")" = True ] && pass ||
  fail "the idea added at a is not on b's browse screen within 30 s (b's file: '#$number'; $(tail -n 1 "$WORK/kiosk-b.log"))"
tap "vote:$number"
voted_at_a() {
  sqlite3 "$WORK/a.db" "SELECT count(*) FROM votes JOIN ideas ON ideas.id = votes.idea_id
                        WHERE ideas.title = 'Aus dem Foyer ins Fenster' AND votes.kind = 'vote'"
}
for _ in $(seq 1 300); do [ "$(voted_at_a)" = 1 ] && break; sleep 0.1; done
[ "$(voted_at_a)" = 1 ] && pass || fail "the vote tapped in b's window did not reach a within 30 s (a holds $(voted_at_a))"
on_window laptop

# While cut off, the laptop's panel says so and a moderator pins an idea there; it reaches b once the link is back.
pinned=""
laptop_offline() {
  laptop_sync_is False && pass || fail "the laptop's panel still shows the sync connected during the partition"
  pinned="$(sqlite3 "$WORK/laptop.db" "SELECT number FROM ideas WHERE status = 'published' AND pinned = 0 ORDER BY number LIMIT 1")"
  tap tab:ideas
  tap "row:$pinned"
  tap act:pin
  for _ in $(seq 1 50); do
    [ "$(sqlite3 "$WORK/laptop.db" "SELECT pinned FROM ideas WHERE number = $pinned")" = 1 ] && break
    sleep 0.1
  done
  [ "$(sqlite3 "$WORK/laptop.db" "SELECT pinned FROM ideas WHERE number = $pinned")" = 1 ] && pass ||
    fail "the laptop could not pin #$pinned while offline"
}

# partition WHAT CUT HEAL SECONDS VOTE_AFTER [WHILE_CUT]: attendees vote at both kiosks while a's link is cut for
# SECONDS (at a from VOTE_AFTER seconds on; WHILE_CUT runs once a noticed); then the link heals and both kiosks
# and the laptop must be caught up. The drop is noticed by a push
# that goes unacknowledged (tcp_user_timeout) or by the keepalives, whichever comes first.
partition() {
  local what="$1" cut="$2" heal="$3" seconds="$4" vote_after="$5" while_cut="${6:-}"
  echo "[$what for $seconds s while attendees vote]"
  local errors_before t0 noticed="" waiting caught
  errors_before="$(grep -c "next try in" "$WORK/worker-a.log")"
  $cut
  t0=$(date +%s.%N)
  "$BIN" --db "$WORK/b.db" rehearse --rate 20 --seconds "$seconds" --seed "$RANDOM" >>"$WORK/rehearse-b.log" 2>&1 &
  local voters=($!)
  (sleep "$vote_after"; kiosk a rehearse --rate 20 --seconds "$((seconds - vote_after))" --seed "$RANDOM") \
    >>"$WORK/rehearse-a.log" 2>&1 &
  voters+=($!)
  CHILDREN+=("${voters[@]}")
  while [ "$(echo "$(date +%s.%N) - $t0 < $seconds + 10" | bc)" = 1 ]; do
    if [ "$(grep -c "next try in" "$WORK/worker-a.log")" -gt "$errors_before" ]; then
      noticed="$(echo "$(date +%s.%N) - $t0" | bc)"
      break
    fi
    sleep 0.1
  done
  [ -n "$noticed" ] && [ -n "$while_cut" ] && $while_cut
  wait "${voters[@]}"
  if [ -n "$noticed" ]; then
    printf '  a noticed the drop after %.1f s: %s\n' "$noticed" "$(grep "next try in" "$WORK/worker-a.log" | sed -n "$((errors_before + 1))p" | cut -c1-200)"
    pass
  else
    fail "$what: a's sync did not notice the drop within $((seconds + 10)) s"
  fi
  waiting="$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM outbox")"
  [ "$waiting" -gt 0 ] && pass || fail "$what: a has nothing waiting (did the votes not happen offline?)"
  $heal
  # The issue's goal is 5 s; the bound leaves room for a loaded machine (the bench prints the 60 s case's figure).
  if caught="$(wait_caught_up 30 a b laptop)"; then
    printf '  link back: %s rows of a pushed and b'"'"'s votes pulled, both caught up after %.1f s\n' "$waiting" "$caught"
    pass
  else
    fail "$what: not caught up 30 s after the link returned (a: $(counts "$WORK/a.db"), b: $(counts "$WORK/b.db"), server: $(server_counts); $(tail -n 1 "$WORK/worker-a.log"))"
  fi
}

# While the link is down, `sync --once` at a (a script's sync towards a host it cannot reach): one clear line within
# its connect_timeout (2 s), no password in it, and the kiosk goes on (the attendees' votes keep landing in a's file).
once_unreachable() {
  expect_clear_failure "cannot connect" "sync --once towards an unreachable server" -- \
    in_netns "$BIN" --db "$WORK/a.db" sync --once --server "$A_URL"
  grep -q "$PG_PASSWORD" "$WORK/err" && fail "the password appears in the unreachable server's line" || pass
}
while_offline() { laptop_offline; once_unreachable; }

partition "the link down" link_down link_up 5 0 while_offline
[ "$(sqlite3 "$WORK/b.db" "SELECT pinned FROM ideas WHERE number = $pinned")" = 1 ] && pass ||
  fail "the pin of #$pinned made on the laptop while offline did not reach b"
laptop_sync_is True && pass || fail "the laptop's panel does not show the sync back"
# The blackhole is one-way (the kiosk's packets vanish; the server's still arrive, unacknowledged), the failure a
# bad route or firewall rule makes; it takes longer to notice, so it runs in scripts/soak.sh
# (IDEEN_PARTITION_VARIANTS="link blackhole"), not in every test run.
case " ${IDEEN_PARTITION_VARIANTS:-link} " in
  *" blackhole "*) partition "a blackhole route to the server" blackhole_on blackhole_off 5 1 ;;
esac

echo "[the projector on the server shows what both kiosks wrote, the partition's votes too]"
# live_totals K: published ideas and live votes in K's file, counted as the projector counts them (storage/stats.cpp).
live_totals() {
  sqlite3 "$WORK/$1.db" "SELECT (SELECT count(*) FROM ideas WHERE status = 'published') || ' ' || (SELECT count(*)
    FROM votes v JOIN sessions s ON s.id = v.session_id WHERE v.kind = 'vote' AND s.voided = 0
    AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id))"
}
projected_totals() {
  python3 "$DRIVER" query "$PROJECTION" 'str(d["totals"]["ideas"]) + " " + str(d["totals"]["votes"])' 2>/dev/null
}
for _ in $(seq 1 300); do [ "$(projected_totals)" = "$(live_totals a)" ] && break; sleep 0.1; done
[ "$(projected_totals)" = "$(live_totals a)" ] && pass ||
  fail "the projector shows '$(projected_totals)' (ideas, votes), kiosk a holds '$(live_totals a)' ($(tail -n 1 "$WORK/projector.log"))"

echo "[nothing lost, nothing doubled]"
for pid in "${CHILDREN[@]}"; do kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
CHILDREN=()
sync_once b
kiosk a sync --server "$PG_URL" --once >>"$WORK/sync-a.log" 2>&1 || fail "a's last sync"
kiosk laptop sync --server "$PG_URL" --once >>"$WORK/sync-laptop.log" 2>&1 || fail "the laptop's last sync"
kiosk projector sync --server "$PG_URL" --once >>"$WORK/sync-projector.log" 2>&1 || fail "the projector's last sync"
same_everywhere "after the partitions" a b laptop projector
pushed_once a
pushed_once b
pushed_once laptop
grep -q "$PG_PASSWORD" "$WORK/worker-a.log" && fail "a's sync logged the password" || pass

finish
