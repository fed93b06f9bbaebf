#!/usr/bin/env bash
# The moderators' panel at the kiosk: a held corner opens the PIN keypad, a wrong PIN is refused, the right one
# opens the panel; hiding an idea there takes it off the kiosk and the projector, and the log and the export
# show it; pin, merge, phases, freeze, export to a folder and leaving kiosk mode work from the panel too. The kiosk
# serves phones: a phone's session shows as one in the sessions tab and is voided there. The panel speaks the
# moderators' language, chosen in it, whatever the attendee's: Arabic mirrored, the keypad following it.
# ctest-cost: 100
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
export HOME="$WORK/home"
mkdir -p "$HOME"
DB="$WORK/event.db"
"$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
"$BIN" --db "$DB" idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null
"$BIN" --db "$DB" idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
"$BIN" --db "$DB" idea add --title "Stadtrundfahrt mit Migrantinnen" --category begegnung >/dev/null
echo 2468 | "$BIN" --db "$DB" pin set >/dev/null

start_display
PROJECTION="$WORK/projector.json"
"$BIN" --db "$DB" projector --allow-exit --automation "$PROJECTION" >"$WORK/projector.log" 2>&1 &
PROJECTOR=$!
projected() { python3 "$DRIVER" query "$PROJECTION" "$1" 2>/dev/null; }

start_display
AUTOMATION="$WORK/kiosk.json"
PORT=$(free_port)
PHONE="http://127.0.0.1:$PORT"
"$BIN" --db "$DB" run --automation "$AUTOMATION" --screenshot "$WORK/panel.png" --phones "127.0.0.1:$PORT" >"$WORK/kiosk.log" 2>&1 &
KIOSK=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log"; finish; exit 1; }
# A phone takes part: a session and a vote for #1 through the kiosk's phone server.
phone_post() { curl -s -o /dev/null -w '%{http_code}' -b "$WORK/phone.jar" -c "$WORK/phone.jar" -H "Origin: $PHONE" \
  -H 'Content-Type: application/json' --data "$2" "$PHONE$1"; }
# The switch's thread starts the server once the kiosk's loop has read the database (seconds on a loaded machine).
for _ in $(seq 1 300); do curl -s -o /dev/null "$PHONE/" && break; sleep 0.1; done
code=$(phone_post /api/session '{"language":"tr"}')
[ "$code" = 201 ] && pass || fail "a phone starts a session at the kiosk's phone server: $code"
code=$(phone_post /api/vote '{"idea":1}')
[ "$code" = 200 ] && pass || fail "the phone votes: $code"
panel_value() { automation_value "d['panel']$1"; }
until_true() { for _ in $(seq 1 30); do [ "$(eval "$1")" = "$2" ] && return 0; sleep 0.1; done; return 1; }

# [SECTION] A short touch in the corner is an ordinary tap; a held one opens the keypad
xdotool mousemove 15 15 mousedown 1; sleep 1; xdotool mouseup 1; sleep 0.5
[ "$(screen_name)" != pin_pad ] && pass || fail "a one-second touch does not open the keypad"
[ "$(screen_name)" = start ] && pass || fail "the short touch was a tap on the attract screen"
tap done; wait_screen attract 5
xdotool mousemove 15 15 mousedown 1; sleep 3.5; xdotool mouseup 1
wait_screen pin_pad 3

# [SECTION] The PIN: a wrong one is refused and counted, the right one opens the panel
for d in 1 1 1 1; do tap "pin:$d"; done
tap pin:ok
until_true "panel_value \"['pin_message']\"" panel.pin_wrong && pass || fail "a wrong PIN is refused"
[ "$("$BIN" --db "$DB" pin status)" != "" ] && pass
[ "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'pin_failures'")" = 1 ] && pass || fail "the wrong try is counted"
for d in 2 4 6 8; do tap "pin:$d"; done
tap pin:ok
wait_screen moderation 15

# [SECTION] Hide with a reason: off the kiosk and the projector, in the log and the export
tap tab:ideas
tap row:3
[ "$(automation_value '[e["enabled"] for e in d["elements"] if e["id"]=="act:hide"][0]')" = False ] && pass || fail "hiding waits for a reason"
tap reason:offensive
tap act:hide
until_true "sqlite3 '$DB' \"SELECT status FROM ideas WHERE number = 3\"" hidden && pass || fail "#3 is hidden"
[ "$(sqlite3 "$DB" "SELECT reason FROM moderation_log WHERE action = 'status' ORDER BY at DESC LIMIT 1")" = Beleidigend ] && pass || fail "the reason is logged"
sqlite3 "$DB" "SELECT actor FROM moderation_log WHERE action = 'status'" | grep -q '^panel:kiosk:' && pass || fail "the panel is the actor"
until_true "projected 'sorted(i[\"number\"] for i in d[\"ideas\"])'" "[1, 2]" && pass || fail "the hidden idea left the projector"
"$BIN" --db "$DB" export ideas --format json | python3 -c "import json,sys; d=json.load(sys.stdin); s={i['number']: i['status'] for i in d['ideas']}; sys.exit(0 if s[3]=='hidden' else 1)" \
  && pass || fail "the export shows #3 as hidden"

# [SECTION] A typo corrected with the on-screen keyboard: the new title is stored, the old one stays in the log
tap row:1; tap act:edit; tap field:title
wait_screen moderation 2
tap key:backspace; tap key:backspace
tap typing:done
tap edit:save
until_true "sqlite3 '$DB' \"SELECT title FROM ideas WHERE number = 1\"" "Sprachcafé im Glasha" && pass || fail "the corrected title is stored"
sqlite3 "$DB" "SELECT before FROM moderation_log WHERE action = 'edit'" | grep -q "Sprachcafé im Glashaus" && pass || fail "the log keeps the original title"

# [SECTION] The sessions tab names each session's source; the phone's session is voided with a reason
tap tab:sessions
phone_row() { automation_value '[e["id"] for e in d["elements"] if e["id"].startswith("session:") and "Handy" in e["label"]][0]' 2>/dev/null; }
for _ in $(seq 1 30); do [ -n "$(phone_row)" ] && break; sleep 0.1; done
[ -n "$(phone_row)" ] && pass || fail "a session is named as the phone's: $(automation_value '[e["label"] for e in d["elements"] if e["id"].startswith("session:")]')"
automation_value '[e["label"] for e in d["elements"] if e["id"].startswith("session:") and "Handy" not in e["label"]][0]' | grep -q Kiosk \
  && pass || fail "the kiosk's session is named as the kiosk's"
tap "$(phone_row)"
shoot "$KIOSK" "$WORK/panel.png" && cp "$WORK/panel.png" "$WORK/panel-sessions.png"
tap reason:advert
tap act:void
until_true "sqlite3 '$DB' \"SELECT voided FROM sessions WHERE source = 'phone'\"" 1 && pass || fail "the phone's session is voided"
[ "$(sqlite3 "$DB" "SELECT reason FROM moderation_log WHERE action = 'void_session'")" = Werbung ] && pass || fail "the void is logged with its reason"
[ "$(phone_post /api/vote '{"idea":2}')" != 200 ] && pass || fail "the voided phone cannot vote any more"
tap tab:ideas

# [SECTION] Pin and merge
tap row:1; tap act:pin
until_true "projected 'd[\"pinned\"]'" "[1]" && pass || fail "the pinned idea is on the projector"
tap row:2; tap act:merge; tap row:1
until_true "sqlite3 '$DB' \"SELECT status FROM ideas WHERE number = 2\"" merged && pass || fail "#2 is merged into #1"
[ "$(sqlite3 "$DB" "SELECT i.number FROM ideas s JOIN ideas i ON i.id = s.merged_into WHERE s.number = 2")" = 1 ] && pass || fail "#2 points at #1"

# [SECTION] Phases, freeze, export to a folder
tap tab:control
tap ctl:voting
until_true "sqlite3 '$DB' 'SELECT voting_open FROM events'" 0 && pass || fail "voting closed from the panel"
tap ctl:freeze
until_true "projected 'd[\"frozen\"]'" True && pass || fail "the projector is frozen from the panel"
tap ctl:freeze
# Phones off and on again from the control tab: the server stops and starts on its own thread, the log keeps both.
phones_label() { automation_value '[e["label"] for e in d["elements"] if e["id"] == "ctl:phones"][0]' 2>/dev/null; }
within() { for _ in $(seq 1 100); do [ "$(eval "$1")" = "$2" ] && return 0; sleep 0.1; done; return 1; }
within phones_label "Handys ausschalten" && pass || fail "the control tab offers to turn phones off: '$(phones_label)'"
tap ctl:phones
within "sqlite3 '$DB' \"SELECT count(*) FROM meta WHERE key = 'phones_url'\"" 0 && pass || fail "phones turned off from the panel"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$PHONE/")" = 000 ] && pass || fail "nothing answers on the phones' port"
within phones_label "Handys einschalten" && pass || fail "the control tab offers to turn phones on: '$(phones_label)'"
tap ctl:phones
within "curl -s -o /dev/null -w '%{http_code}' '$PHONE/'" 200 && pass || fail "phones on again from the panel"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM moderation_log WHERE action = 'phones'")" = 2 ] && pass || fail "both switches are logged"
tap export:0
until_true "ls '$HOME' | grep -c '^ideenkiosk-'" 1 && pass || fail "an export folder appeared in $HOME"
folder=$(ls -d "$HOME"/ideenkiosk-* 2>/dev/null | head -1)
# The folder appears first; the workbook, the report and the backup are renamed into it whole, the backup last.
for _ in $(seq 1 600); do [ -s "$folder/ideenkiosk-backup.db" ] && break; sleep 0.1; done
[ "$(head -c 2 "$folder/ideenkiosk.xlsx" 2>/dev/null)" = PK ] && [ "$(head -c 5 "$folder/bericht.pdf" 2>/dev/null)" = %PDF- ] \
  && pass || fail "the panel's export holds the workbook and the report: $(ls "$folder")"
[ -s "$folder/ideas.csv" ] && [ -s "$folder/moderation.json" ] && [ "$(sqlite3 "$folder/ideenkiosk-backup.db" 'PRAGMA quick_check')" = ok ] \
  && pass || fail "the export holds CSV, JSON and a good backup"
shoot "$KIOSK" "$WORK/panel.png" && cp "$WORK/panel.png" /tmp/panel_control.png 2>/dev/null
png_shows_text "$WORK/panel.png" 1920 1080 && pass || fail "the panel's screenshot shows text"

# [SECTION] Closing the panel returns to the attract screen; the kiosk no longer shows #3
tap panel:close
wait_screen attract 3
[ "$(automation_value 'sorted(i["number"] for i in d["ideas"])')" = "[1]" ] && pass || fail "the kiosk shows only #1 (#3 hidden, #2 merged)"

# [SECTION] The panel speaks the moderators' language, not the attendee's
# The event now starts its sessions in Turkish: the attract screen speaks it, the keypad and the panel stay German.
"$BIN" --db "$DB" event set languages tr,de,ar >/dev/null
until_true "automation_value 'd[\"language\"]'" tr && pass || fail "the attendee's language follows the event: $(automation_value 'd["language"]')"
label_of() { automation_value "[e['label'] for e in d['elements'] if e['id'] == '$1'][0]" 2>/dev/null; }
arabic() { python3 -c "import sys; sys.exit(0 if any('\u0600' <= c <= '\u06ff' for c in sys.argv[1]) else 1)" "$1"; }
xdotool mousemove 15 15 mousedown 1; sleep 3.5; xdotool mouseup 1
wait_screen pin_pad 3
[ "$(label_of pin:cancel)" = Abbrechen ] && pass || fail "the keypad speaks the panel's German: '$(label_of pin:cancel)'"
for d in 2 4 6 8; do tap "pin:$d"; done
tap pin:ok
wait_screen moderation 15
[ "$(label_of tab:ideas)" = "Alle Ideen" ] && pass || fail "the panel is German while the attendee's language is Turkish: '$(label_of tab:ideas)'"
[ "$(label_of panel:language)" = Deutsch ] && pass || fail "the band's language button names German: '$(label_of panel:language)'"
tap panel:language
tap panel:lang:ar
until_true "panel_value \"['language']\"" ar && pass || fail "the moderators chose Arabic"
arabic "$(label_of tab:ideas)" && pass || fail "the panel's tabs are Arabic: '$(label_of tab:ideas)'"
[ "$(automation_value 'd["language"]')" = tr ] && pass || fail "the attendee's language stays Turkish"
tap panel:close
wait_screen attract 3
[ "$(automation_value 'd["language"]')" = tr ] && pass || fail "the attract screen speaks Turkish again, not the panel's Arabic"

# [SECTION] Leaving kiosk mode ends the kiosk process cleanly, and says so in the log
# The choice lasts: the keypad and the panel speak Arabic now, the panel mirrored, and taps on it still land.
xdotool mousemove 15 15 mousedown 1; sleep 3.5; xdotool mouseup 1
wait_screen pin_pad 3
arabic "$(label_of pin:cancel)" && pass || fail "the keypad follows the panel's Arabic: '$(label_of pin:cancel)'"
for d in 2 4 6 8; do tap "pin:$d"; done
tap pin:ok
wait_screen moderation 15
[ "$(panel_value "['language']")" = ar ] && pass || fail "the panel opens in Arabic again"
tap tab:control; tap ctl:leave
ended_within "$KIOSK" 20; [ $? = 0 ] && pass || fail "the kiosk ended with exit code 0"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM moderation_log WHERE action = 'leave_kiosk'")" = 1 ] && pass || fail "leaving is logged"
kill -TERM "$PROJECTOR"; wait "$PROJECTOR"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check ok"
finish
