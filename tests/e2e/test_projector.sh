#!/usr/bin/env bash
# The projector as its own process beside a kiosk process, each on its own virtual screen: a vote tapped at the
# kiosk shows in the projector's automation file within one second of the kiosk's "confirmed" log line. The kiosk
# serves phones too: the projector learns their address from the database and shows its QR code, which zbarimg
# reads back from the projector's screenshot (and from the kiosk's attract screen, where the organiser asked for it).
# At the end a hundred simulated phones vote while an attendee uses the kiosk.
# ctest-cost: 62
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
event_with_three_ideas

start_display
PROJECTOR_DISPLAY="$DISPLAY"
PROJECTION="$WORK/projector.json"
"$BIN" --db "$DB" projector --allow-exit --automation "$PROJECTION" --screenshot "$WORK/projector.png" \
  >"$WORK/projector.log" 2>&1 &
PROJECTOR=$!

start_display
AUTOMATION="$WORK/kiosk.json"
PORT=$(free_port)
JOIN_URL="http://127.0.0.1:$PORT/"
"$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" --phones "127.0.0.1:$PORT" --phones-on-attract \
  --screenshot "$WORK/kiosk.png" >"$WORK/kiosk.log" 2>&1 &
KIOSK=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log" "$WORK/projector.log"; finish; exit 1; }

projected() { python3 "$DRIVER" query "$PROJECTION" "$1" 2>/dev/null; }
for _ in $(seq 1 50); do [ -s "$PROJECTION" ] && break; sleep 0.1; done
[ "$(projected 'd["screen"]')" = projector ] && pass || fail "the projector writes its automation file"
[ "$(projected 'd["totals"]["ideas"]')" = 3 ] && pass || fail "the projector counts 3 ideas"
[ "$(projected 'd["totals"]["votes"]')" = 0 ] && pass || fail "no votes yet"
[ "$(projected 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2, 3]" ] && pass || fail "all three ideas are shown"
# The organiser asked for the phones' code on the attract screen too (run --phones-on-attract).
shoot "$KIOSK" "$WORK/kiosk.png"
[ "$(decoded_qr "$WORK/kiosk.png")" = "$JOIN_URL" ] && pass || fail "the attract screen's QR code reads '$(decoded_qr "$WORK/kiosk.png")'"
cp "$WORK/kiosk.png" "$WORK/attract.png"  # the kiosk writes kiosk.png again at exit

# [SECTION] A vote at the kiosk reaches the projector within a second
tap attract; wait_screen start
tap choose:browse; wait_screen browse
tap vote:2
for _ in $(seq 1 30); do grep -q "confirmed vote" "$WORK/kiosk.log" && break; sleep 0.1; done
for _ in $(seq 1 30); do [ "$(projected 'd["totals"]["votes"]')" = 1 ] && break; sleep 0.05; done
[ "$(projected '[i["count"] for i in d["ideas"] if i["number"] == 2][0]')" = 1 ] && pass || fail "idea #2 shows 1 vote"
[ "$(projected 'd["ideas"][0]["number"]')" = 2 ] && pass || fail "idea #2 leads the ranking"
[ "$(projected 'd["totals"]["participants"]')" = 1 ] && pass || fail "one participant"
latency=$(vote_reached_ms "$PROJECTION")
[ -n "$latency" ] && [ "$latency" -lt 1000 ] && pass || fail "the projector followed the commit in ${latency} ms (limit 1000)"
echo "projector latency for this vote: ${latency} ms"

# [SECTION] A moderator hides an idea and pins another: both screens follow
"$BIN" --db "$DB" idea hide 3 --reason "Test" >/dev/null && "$BIN" --db "$DB" idea pin 1 >/dev/null
for _ in $(seq 1 20); do [ "$(projected 'd["pinned"]')" = "[1]" ] && break; sleep 0.05; done
[ "$(projected 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2]" ] && pass || fail "the hidden idea left the projector"
[ "$(projected 'd["pinned"]')" = "[1]" ] && pass || fail "the pinned idea is on the projector"
[ "$(projected 'd["totals"]["ideas"]')" = 2 ] && pass || fail "the projector counts 2 ideas"
for _ in $(seq 1 20); do [ "$(automation_value 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2]" ] && break; sleep 0.05; done
[ "$(automation_value 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2]" ] && pass || fail "the hidden idea left the kiosk"

# [SECTION] Counts wait for the reveal when the event says so; freezing holds the picture
wait_projected() { for _ in $(seq 1 30); do [ "$(projected "$1")" = "$2" ] && return 0; sleep 0.05; done; return 1; }
"$BIN" --db "$DB" idea add --title "Nachbarschaftsfest" --category begegnung >/dev/null
"$BIN" --db "$DB" event set counts_after_reveal true >/dev/null
wait_projected 'd["awaiting_reveal"]' True && pass || fail "the projector waits for the reveal"
[ "$(projected '[i["count"] for i in d["ideas"]]')" = "[None, None, None]" ] && pass || fail "no counts before the reveal"
[ "$(projected '[i["number"] for i in d["ideas"]]')" = "[4, 2, 1]" ] && pass || fail "newest first, so the order gives nothing away"
# The kiosk's file follows with its next frame (a loaded machine: up to 5 s). It once waited for the next input
# when this commit was published while a frame was being drawn (kiosk_loop.cpp, drawFrame).
for _ in $(seq 1 100); do [ "$(automation_value '[i["count"] for i in d["ideas"]]')" = "[None, None, None]" ] && break; sleep 0.05; done
[ "$(automation_value '[i["count"] for i in d["ideas"]]')" = "[None, None, None]" ] && pass || fail "the kiosk hides counts too"
"$BIN" --db "$DB" event set counts_revealed true >/dev/null
wait_projected 'd["ideas"][0]["count"]' 1 && pass || fail "the reveal shows the counts"
[ "$(projected 'd["ideas"][0]["number"]')" = 2 ] && pass || fail "and the ranking"
"$BIN" --db "$DB" event set projector_frozen true >/dev/null
wait_projected 'd["frozen"]' True && pass || fail "the projector knows it is frozen"
"$BIN" --db "$DB" idea add --title "Interkulturelle Kochabende" --category kultur-sport >/dev/null
sleep 0.6
[ "$(projected 'd["totals"]["ideas"]')" = 3 ] && pass || fail "a frozen projector holds its picture"
"$BIN" --db "$DB" event set projector_frozen false >/dev/null
wait_projected 'd["totals"]["ideas"]' 4 && pass || fail "unfreezing shows the present"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM moderation_log WHERE action = 'projector'")" = 3 ] && pass || fail "reveal and freeze are logged"

# [SECTION] The projector only reads: it never blocks or changes the database. Its screenshot shows the phones'
# QR code, which reads as their address.
wait_projected 'd["join_url"]' "$JOIN_URL" && pass || fail "the projector knows the phones' address: $(projected 'd["join_url"]')"
shoot "$PROJECTOR" "$WORK/projector.png"
png_shows_text "$WORK/projector.png" 1920 1080 && pass || fail "the projector's screenshot shows text"
[ "$(decoded_qr "$WORK/projector.png")" = "$JOIN_URL" ] && pass || fail "the projector's QR code reads '$(decoded_qr "$WORK/projector.png")'"
# [SECTION] A hundred phones vote (tests/e2e/phone_load.py: each its own address, session and keep-alive connection,
# the real rules, a 429 waited out as the page does) while an attendee submits an idea and votes at the kiosk. The
# kiosk's flow completes, its frames keep coming (the heartbeat's frame counter), every answered vote is in the
# database exactly once, nothing but the rate limits' 429s is refused, and each 429 is one log line.
# From wherever the kiosk is (its idle timeout may end the last session at any moment) back to the attract screen.
for _ in $(seq 1 20); do [ "$(screen_name)" = attract ] && break; python3 "$DRIVER" tap "$AUTOMATION" done 2>/dev/null; sleep 0.3; done
wait_screen attract 10
LOAD="$WORK/load"
kiosk_votes() { sqlite3 "$DB" "SELECT count(*) FROM votes v JOIN sessions s ON s.id = v.session_id WHERE s.source = 'kiosk' AND v.kind = 'vote'"; }
kiosk_votes_before=$(kiosk_votes)
refused_before=$(grep -c "phones: refused" "$WORK/kiosk.log")
python3 "$SRC/tests/e2e/phone_load.py" "${JOIN_URL%/}" --phones 100 --ideas 1,2,4 --ready "$LOAD.ready" \
  --stop "$LOAD.stop" --out "$LOAD.json" >"$WORK/load.log" 2>&1 &
LOADER=$!
CHILDREN+=("$LOADER")
for _ in $(seq 1 300); do [ -s "$LOAD.ready" ] && break; sleep 0.1; done
[ -s "$LOAD.ready" ] && pass || fail "the phones started: $(cat "$WORK/load.log")"
draft_to_review "Trinkbrunnen am Bahnhof"
tap send; wait_screen thanks 10
tap thanks:next; wait_screen start
tap choose:browse; wait_screen browse
# Newest first: the order stays put while the phones' votes change the counts.
tap order:browse.order_newest
tap "$(automation_value '[e["id"] for e in d["elements"] if e["id"].startswith("vote:")][0]')"
for _ in $(seq 1 50); do [ "$(kiosk_votes)" = $((kiosk_votes_before + 1)) ] && break; sleep 0.1; done
[ "$(kiosk_votes)" = $((kiosk_votes_before + 1)) ] && pass || fail "the attendee's vote during the load is stored"
[ "$(ideas_titled "Trinkbrunnen am Bahnhof")" = 1 ] && pass || fail "the attendee's idea during the load is stored"
touch "$LOAD.stop"
wait "$LOADER"
echo "phones during the kiosk flow: $(cat "$LOAD.json")"
load_value() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$LOAD.json" "$1"; }
[ "$(load_value 'd["sessions"]')" = 100 ] && pass || fail "100 phones had sessions"
[ "$(load_value 'd["errors"]')" = "[]" ] && pass || fail "the phones saw errors: $(load_value 'd["errors"][:5]')"
[ "$(load_value 'sorted(set(k.split()[1] for k in d["statuses"]) - {"200", "429"})')" = "[]" ] && pass \
  || fail "answers other than 200 and 429: $(load_value 'd["statuses"]')"
phone_rows() { sqlite3 "$DB" "SELECT count(*) FROM votes v JOIN sessions s ON s.id = v.session_id WHERE s.source = 'phone' AND v.kind = '$1'"; }
[ "$(phone_rows vote)" = "$(load_value 'd["statuses"].get("vote 200", 0)')" ] && pass \
  || fail "votes stored $(phone_rows vote), answered 200: $(load_value 'd["statuses"]')"
[ "$(phone_rows retract)" = "$(load_value 'd["statuses"].get("retract 200", 0)')" ] && pass \
  || fail "take-backs stored $(phone_rows retract), answered 200: $(load_value 'd["statuses"]')"
[ "$(phone_rows vote)" -gt 1000 ] && pass || fail "the phones voted $(phone_rows vote) times, a load it is not"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE source = 'phone'")" = 100 ] && pass || fail "100 phone sessions stored"
refused=$(( $(grep -c "phones: refused" "$WORK/kiosk.log") - refused_before ))
[ "$refused" = "$(load_value 'd["statuses"].get("vote 429", 0) + d["statuses"].get("retract 429", 0)')" ] && pass \
  || fail "each 429 is one log line: $refused lines for $(load_value 'd["statuses"]')"
# The kiosk's heartbeat logs its frame count every 5 s: between each two heartbeats of the load, frames were drawn.
python3 - "$WORK/kiosk.log" "$LOAD.json" <<'PY' && pass || fail "the kiosk's frames kept coming during the load"
import datetime, json, re, sys
load = json.load(open(sys.argv[2]))
beats = []
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\[([^\]]+)\].*heartbeat .*frames=(\d+)", line)
    if m:
        at = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
        if load["began"] <= at <= load["ended"]:
            beats.append((at, int(m.group(2))))
rates = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(beats, beats[1:])]
print(f"kiosk: {len(beats)} heartbeats during the {load['ended'] - load['began']:.1f} s of load, frames/s between them:",
      " ".join(f"{r:.1f}" for r in rates))
sys.exit(0 if len(beats) >= 2 and min(rates) >= 2 else 1)
PY
[ "$(screen_name)" = browse ] && pass || fail "the kiosk still shows the browse screen"

kill -TERM "$KIOSK"; wait "$KIOSK"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM meta WHERE key = 'phones_url'")" = 0 ] && pass || fail "the stopped phone server cleared its address"
wait_projected 'd["join_url"]' "" && pass || fail "the projector no longer shows a code"
kill -TERM "$PROJECTOR"; wait "$PROJECTOR"
[ $? = 0 ] && pass || fail "the projector exits cleanly"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check ok"
finish
