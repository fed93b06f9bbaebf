#!/usr/bin/env bash
# The phone page in Debian's chromium through Playwright (playwright-core from npm, no browser download): a phone
# viewport with touch votes, takes back, runs out of budget, submits past a similar idea and switches language;
# tests/browser/phone_flow.mjs checks each step in the database.
source "$(dirname "$0")/lib.sh"
DB="$WORK/event.db"
k() { "$BIN" --db "$DB" "$@"; }
require_tools node npm chromium curl sqlite3
BROWSER_DIR="$SRC/tests/browser"
if [ ! -d "$BROWSER_DIR/node_modules/playwright-core" ]; then
  (cd "$BROWSER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >"$WORK/npm.log" 2>&1) \
    || { echo "SKIP: npm could not install playwright-core: $(tail -1 "$WORK/npm.log")"; exit 77; }
fi

k event load "$SRC/assets/event.example.toml" >/dev/null
k event set vote_budget 2 >/dev/null
k idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
k idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null
k idea add --title "Fußballturnier der Kulturen" --category kultur-sport >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$DB" phones --listen "127.0.0.1:$PORT" >"$WORK/phones.log" 2>&1 &
CHILDREN+=("$!")
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done

if (cd "$BROWSER_DIR" && HOME="$WORK" timeout 120 node phone_flow.mjs "http://127.0.0.1:$PORT/" "$DB") >"$WORK/browser.log" 2>&1; then
  pass
else
  fail "the phone flow in chromium: $(grep -E 'FAIL|Error' "$WORK/browser.log" | head -5)"
fi
cat "$WORK/browser.log"
finish
