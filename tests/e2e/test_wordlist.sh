#!/usr/bin/env bash
# The word lists from the command line: `wordlist show` and `check` on the real lists, an organiser's own
# folder with --wordlists, a broken list named by file and line, and ideas typed in from paper cards that
# meet a listed word: pending even when the event publishes at once, flagged in the log, never refused.
source "$(dirname "$0")/lib.sh"
DB="$WORK/event.db"
k() { "$BIN" --db "$DB" --assets "$SRC/assets" "$@"; }
q() { sqlite3 "$DB" "$1"; }

# [SECTION] show and check on the lists that ship in assets/wordlists
expect_exit 0 "wordlist show" -- k wordlist show
for lang in de tr en; do
  grep -Eq "^  $lang\.txt +[0-9]+ entries$" "$WORK/out" && pass || fail "show lists $lang.txt: $(cat "$WORK/out")"
done
expect_exit 0 "check of a harmless text" -- k wordlist check "Sık sık Sprachcafé in Scunthorpe, Klassenfahrt nach Essex"
grep -q "no entry" "$WORK/out" && pass || fail "check says nothing was found: $(cat "$WORK/out")"
expect_exit 1 "check of a text with listed words" -- k wordlist check "Ihr" "V0ll1d10ten," "orospu ÇOCUĞU"
[ "$(cut -f1 "$WORK/out" | tr '\n' '|')" = "vollidioten|orospu|orospu çocuğu|" ] && pass || fail "check prints the entries: $(cat "$WORK/out")"
grep -Eq $'^vollidioten\tde\\.txt:[0-9]+$' "$WORK/out" && pass || fail "each entry with its file and line"
grep -q "waits for the moderators" "$WORK/err" && pass || fail "one line on stderr says what a match means"
expect_exit 2 "check without text" -- k wordlist check

# [SECTION] The organisers' own folder, and a broken one
OWN="$WORK/lists"
mkdir -p "$OWN"
printf '# unsere Liste\nKuchenverbot\n\nmehr Parkplätze # Beispiel\n' >"$OWN/de.txt"
expect_exit 0 "show of a folder with only de.txt" -- k --wordlists "$OWN" wordlist show
grep -Eq "^  de\.txt +2 entries$" "$WORK/out" && grep -Eq "^  tr\.txt +missing$" "$WORK/out" && pass || fail "show: $(cat "$WORK/out")"
expect_exit 1 "check against the own folder" -- k --wordlists "$OWN" wordlist check "Kein KUCHENVERBOT!"
printf 'gut\nkaputt\xff\n' >"$OWN/en.txt"
expect_exit 1 "show of a broken list" -- k --wordlists "$OWN" wordlist show
grep -q "en.txt, line 2: not valid UTF-8" "$WORK/err" && pass || fail "the error names file and line: $(cat "$WORK/err")"
expect_exit 1 "show of a missing folder" -- k --wordlists "$WORK/nowhere" wordlist show

# [SECTION] Paper cards: a listed word sends the idea to the moderators, even under "publish"
k event load "$SRC/assets/event.example.toml" >/dev/null
[ "$(k event show | awk '/^moderation:/ {print $2}')" = publish ] && pass || fail "the example event publishes at once"
expect_exit 0 "idea add of a harmless idea" -- k idea add --title "Sprachcafé im Glashaus" --category sprache
grep -q " published$" "$WORK/out" && pass || fail "a harmless idea is published: $(cat "$WORK/out")"
expect_exit 0 "idea add with a listed word" -- k idea add --title "Mehr Bänke" --description "und weniger Sch31ße" --category stadtteil
grep -q " pending  \[word list: scheiße\]$" "$WORK/out" && pass || fail "the listed idea waits: $(cat "$WORK/out")"
[ "$(q "SELECT status FROM ideas WHERE number = 2")" = pending ] && pass || fail "#2 is pending in the database"
[ "$(q "SELECT actor || ' ' || action || ' ' || after FROM moderation_log WHERE action = 'flag'")" = 'wordlist flag {"words":["scheiße"]}' ] \
  && pass || fail "the flag is logged with the words"
k idea list --all | grep -q "^#2 .*pending   Mehr Bänke  \[word list: scheiße\]$" && pass || fail "idea list shows the words"
k idea list | grep -q "Mehr Bänke" && fail "a pending idea is listed as published" || pass
expect_exit 0 "approve the flagged idea" -- k idea approve 2
[ "$(q "SELECT status FROM ideas WHERE number = 2")" = published ] && pass || fail "approved, it is published"
expect_exit 0 "export moderation" -- k export moderation --format json
grep -q '"flag"' "$WORK/out" && pass || fail "the flag is in the moderation export"

# A broken or missing list never stops a card from being typed in: a warning, and the idea as without a list.
expect_exit 0 "idea add with a missing word-list folder" -- k --wordlists "$WORK/nowhere" idea add --title "Sch31ße" --category kultur-sport
grep -q "warning: word list folder .*nowhere does not exist" "$WORK/err" && pass || fail "the warning names the path: $(cat "$WORK/err")"
grep -q " published$" "$WORK/out" && pass || fail "without a list the idea is published"

# [SECTION] The rehearsal plays attendees with the word list: its texts are clean, so nothing waits
expect_exit 0 "rehearse" -- k rehearse --rate 100 --seconds 0.5 --seed 3
[ "$(q "SELECT count(*) FROM ideas WHERE status = 'pending'")" = 0 ] && pass || fail "rehearsed ideas are not flagged"
finish
