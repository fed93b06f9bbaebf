#!/usr/bin/env bash
# An attendee at the kiosk, with real X input under Xvfb: submits "Größe üben – çok güzel, İzmir" entirely
# through the on-screen keyboard, then a Ukrainian title on the Ukrainian keyboard, votes, takes a vote back, and
# walks away; the idle timer resets everything. The next attendee switches to Arabic (a mirrored screen) and types
# an Arabic title with a number on the Arabic keyboard. The database is checked with the sqlite3 command line: the
# stored text is in logical order.
# ctest-cost: 150
source "$(dirname "$0")/lib.sh"
kiosk_setup
"$BIN" --db "$DB" idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null
"$BIN" --db "$DB" idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
"$BIN" --db "$DB" run --allow-exit --idle-timeout 15 --screenshot "$WORK/shot.png" --automation "$AUTOMATION" \
  >"$WORK/kiosk.log" 2>&1 &
PID=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log"; finish; exit 1; }

# type_title EXPECTED KEY…: from the start screen to the title step (topic "Sprache"), taps the keys of the
# on-screen keyboard and checks that the field holds EXPECTED.
type_title() {
  local expected="$1" typed
  shift
  tap choose:submit; wait_screen submit_category
  tap category:sprache; wait_screen submit_title
  tap_keys "$@"
  typed=$(field_text)
  [ "$typed" = "$expected" ] && pass || fail "typed title is '$typed', not '$expected'"
}

# [SECTION] Submit through the on-screen keyboard
tap attract; wait_screen start
type_title "Größe üben – çok güzel, İzmir" \
  shift g r ö ß e space ü b e n space symbols – symbols space layout ç o k space g ü z e l comma space shift i z m i r
tap key:backspace; tap key:r
tap next; wait_screen submit_description
# A physical keyboard, when one is plugged in, types into the same draft.
xdotool type --delay 30 "jeden Donnerstag"
sleep 0.3
description=$(field_text)
[ "$description" = "jeden Donnerstag" ] && pass || fail "physical keyboard typed '$description'"
send_from_description
number=$(automation_value '[e["label"] for e in d["elements"] if e["id"]=="saved_number"][0]')
stored=$(sqlite3 "$DB" "SELECT number || '|' || title || '|' || description || '|' || category || '|' || language FROM ideas WHERE title LIKE 'Größe%'")
[ "$stored" = "$number|Größe üben – çok güzel, İzmir|jeden Donnerstag|sprache|de" ] && pass || fail "stored idea: '$stored' (screen said #$number)"

# [SECTION] A second idea in Ukrainian: the language list, the ЙЦУКЕН keyboard with ї ґ and the apostrophe
tap thanks:next; wait_screen start
tap languages
tap lang:uk
[ "$(automation_value 'd["language"]')" = uk ] && pass || fail "Ukrainian chosen in the language list"
type_title "Їжа з городу, ґрунт і м’ята" shift ї ж а space з space г о р о д у comma space ґ р у н т space і space м ’ я т а
tap next; wait_screen submit_description
send_from_description
stored=$(sqlite3 "$DB" "SELECT title || '|' || language FROM ideas WHERE title LIKE '%городу%'")
[ "$stored" = "Їжа з городу, ґрунт і м’ята|uk" ] && pass || fail "stored Ukrainian idea: '$stored'"

# [SECTION] Vote, undo, budget
tap thanks:next; wait_screen start
tap choose:browse; wait_screen browse
# A quick swipe over the cards scrolls and opens nothing, even when the whole swipe falls between frames.
read -r cx cy < <(automation_value '" ".join(str(int(e["rect"][i] + e["rect"][i + 2] / 2)) for e in [x for x in d["elements"] if x["id"].startswith("card:")][:1] for i in (0, 1))')
xdotool mousemove "$cx" "$cy" mousedown 1 mousemove "$cx" $((cy - 60)) mousemove "$cx" $((cy - 150)) mouseup 1
sleep 0.5
wait_screen browse
# Newest first: the Ukrainian idea (#3) heads the list, whatever the cards' height lets the screen show below it.
tap order:browse.order_newest
votes_before=$(automation_value 'd["votes_left"]')
# A quick double tap on the vote button must vote once (the button turns into "undo" in between).
xy=$(automation_value '" ".join(str(int(e["rect"][i] + e["rect"][i + 2] / 2)) for e in d["elements"] if e["id"] == "vote:3" for i in (0, 1))')
xdotool mousemove $xy click --repeat 2 --delay 40 1
sleep 0.5
[ "$(sqlite3 "$DB" "SELECT count(*) FROM votes WHERE kind = 'vote'")" = 1 ] && pass || fail "one vote after a double tap"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM votes WHERE kind = 'retract'")" = 0 ] && pass || fail "the double tap did not undo"
sleep 0.5
[ "$(automation_value 'd["votes_left"]')" = $((votes_before - 1)) ] && pass || fail "budget counter went down"
tap undo:3 || true
sleep 0.3
[ "$(sqlite3 "$DB" "SELECT count(*) FROM votes WHERE kind = 'retract'")" -ge 1 ] && pass || fail "undo wrote a retraction"
tap vote:2

# [SECTION] Walk away: the idle question, then a full reset
# The timeout leaves room for a slow machine between taps above; the warning then comes within it.
for _ in $(seq 1 250); do [ "$(automation_value 'd["idle_warning"]')" = True ] && break; sleep 0.1; done
[ "$(automation_value 'd["idle_warning"]')" = True ] && pass || fail "idle warning shown"
wait_screen attract 40
[ "$(automation_value 'd["language"]')" = de ] && pass || fail "language reset"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE end_reason = 'idle'")" = 1 ] && pass || fail "session ended as idle"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM votes v WHERE kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)")" = 1 ] \
  && pass || fail "one live vote remains"

# [SECTION] Arabic: the mirrored screens, the Arabic keyboard, the title stored as typed (logical order)
tap attract; wait_screen start
tap languages
tap lang:ar; sleep 0.3
[ "$(automation_value 'd["language"]')" = ar ] && pass || fail "language switched to Arabic"
# Mirrored: the language button, at the left in German, now sits at the right end of the top bar.
button_x=$(automation_value '[int(e["rect"][0]) for e in d["elements"] if e["id"]=="languages"][0]')
[ "$button_x" -gt 960 ] && pass || fail "the Arabic screen is mirrored (the language button at x=$button_x)"
# "سلام 2026": seen, lam-alef (one key), meem, space, the digits from the symbols page.
type_title "سلام 2026" س لا م space symbols 2 0 2 6
tap next; wait_screen submit_description
send_from_description
stored=$(sqlite3 "$DB" "SELECT hex(title) || '|' || language FROM ideas WHERE language = 'ar'")
# U+0633 U+0644 U+0627 U+0645, space, 2026: the code points in the order they were typed.
[ "$stored" = "D8B3D984D8A7D9852032303236|ar" ] && pass || fail "stored Arabic idea: '$stored'"

shoot "$PID" "$WORK/shot.png"
png_shows_text "$WORK/shot.png" 1920 1080 && pass || fail "the screenshot shows text"
kill -TERM "$PID"; wait "$PID"
[ $? = 0 ] && pass || fail "clean exit"
grep -q "confirmed idea #$number" "$WORK/kiosk.log" && pass || fail "the log records the confirmed idea"
finish
