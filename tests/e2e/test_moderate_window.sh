#!/usr/bin/env bash
# `ideenkiosk moderate` on a moderator's laptop: the PIN typed on a physical keyboard opens the panel, a
# pending idea is approved with the mouse and reaches the kiosk, the session of a burst is voided, and
# "Schließen" ends the program. Without a PIN set, the panel opens at once. The moderators switch it to Arabic
# (mirrored: the void is tapped on the mirrored picture); --panel-language picks the first language.
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
DB="$WORK/event.db"
"$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
"$BIN" --db "$DB" event set moderation pre-moderate >/dev/null
"$BIN" --db "$DB" idea add --title "Patenschaften für neue Nachbarn" --category begegnung >/dev/null
"$BIN" --db "$DB" rehearse --rate 200 --seconds 0.2 --seed 7 >/dev/null
echo 13579 | "$BIN" --db "$DB" pin set >/dev/null
start_display
AUTOMATION="$WORK/moderate.json"
"$BIN" --db "$DB" moderate --automation "$AUTOMATION" >"$WORK/moderate.log" 2>&1 &
PANEL=$!
wait_screen pin_pad 10 || { cat "$WORK/moderate.log"; finish; exit 1; }
# Typed while the window is stopped: the key presses and their releases then reach it in one batch, as on a busy
# machine, and Enter must still count (ImGui 1.86 alone would see Enter neither down nor pressed).
kill -STOP "$PANEL"; xdotool type --delay 20 13579; xdotool key Return; kill -CONT "$PANEL"
wait_screen moderation 15 || tail -3 "$WORK/moderate.log" >&2
tap row:1
tap act:approve
for _ in $(seq 1 30); do [ "$(sqlite3 "$DB" "SELECT status FROM ideas WHERE number = 1")" = published ] && break; sleep 0.1; done
[ "$(sqlite3 "$DB" "SELECT status FROM ideas WHERE number = 1")" = published ] && pass || fail "#1 approved from the laptop"
sqlite3 "$DB" "SELECT actor FROM moderation_log WHERE action = 'status'" | grep -q '^panel:' && pass || fail "logged as the panel"

# The moderators switch the panel to Arabic: mirrored, and the taps below (the void) land on the mirrored picture.
tap panel:language
tap panel:lang:ar
for _ in $(seq 1 30); do [ "$(automation_value 'd["panel"]["language"]')" = ar ] && break; sleep 0.1; done
[ "$(automation_value 'd["panel"]["language"]')" = ar ] && pass || fail "the panel switched to Arabic"
automation_value '[e["label"] for e in d["elements"] if e["id"] == "tab:sessions"][0]' | python3 -c "import sys; sys.exit(0 if any('\u0600' <= c <= '\u06ff' for c in sys.stdin.read()) else 1)" \
  && pass || fail "the panel's tabs are Arabic"

# A session voided from the laptop: its votes stop counting and stay in the log.
votes_before=$(sqlite3 "$DB" "SELECT count(*) FROM votes")
tap tab:sessions
tap session:0
tap reason:advert
tap act:void
for _ in $(seq 1 30); do [ "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE voided = 1")" = 1 ] && break; sleep 0.1; done
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE voided = 1")" = 1 ] && pass || fail "one session voided"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM votes")" = "$votes_before" ] && pass || fail "its votes stay in the data"
tap panel:close
ended_within "$PANEL" 15; [ $? = 0 ] && pass || fail "Schließen ends the program cleanly"

# Without a PIN the laptop opens straight into the panel (it holds the database file anyway).
DB2="$WORK/nopin.db"
"$BIN" --db "$DB2" event load "$SRC/assets/event.example.toml" >/dev/null
"$BIN" --db "$DB2" moderate --panel-language tr --automation "$AUTOMATION" >"$WORK/moderate2.log" 2>&1 &
PANEL=$!
wait_screen moderation 10
[ "$(automation_value 'd["panel"]["language"]')" = tr ] && pass || fail "--panel-language tr opens the panel in Turkish"
grep -q "no PIN is set" "$WORK/moderate2.log" && pass || fail "the missing PIN is logged"
kill -TERM "$PANEL"; ended_within "$PANEL" 20
finish
