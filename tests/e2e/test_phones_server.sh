#!/usr/bin/env bash
# The phone server over real sockets: `phones --listen` beside the data, the page and its headers, a vote and an
# idea through HTTP checked in the database, each safety refusal over the wire (one log line each, nothing
# changed), malformed HTTP, slow clients, too many connections from one address, and the QR code decoded by zbarimg.
source "$(dirname "$0")/lib.sh"
DB="$WORK/event.db"
k() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
require_tools curl zbarimg

k event load "$SRC/assets/event.example.toml" >/dev/null
k idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
k idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null

PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
"$BIN" --db "$DB" phones --listen "127.0.0.1:$PORT" >"$WORK/phones.log" 2>&1 &
SERVER=$!
CHILDREN+=("$SERVER")
for _ in $(seq 50); do curl -s -o /dev/null "$URL/" && break; sleep 0.1; done

# [SECTION] The page and its headers
curl -s -D "$WORK/h" -o "$WORK/page" "$URL/"
grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" "$WORK/h" && pass || fail "CSP header: $(cat "$WORK/h")"
grep -q '<script src="/app.js"' "$WORK/page" && pass || fail "the page loads its script from us"
grep -q 'http' "$WORK/page" && grep -E -q '(src|href)="https?://' "$WORK/page" && fail "the page names an external resource" || pass
for file in app.js app.css texts.json; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/$file")" = 200 ] && pass || fail "/$file is served"
done
curl -s "$URL/texts.json" | grep -q '"language":"Türkçe"' && pass || fail "the page's texts come from assets/i18n ([phone])"

# [SECTION] A phone takes part
JAR="$WORK/jar"
post() { curl -s -o "$WORK/body" -w '%{http_code}' -b "$JAR" -c "$JAR" -H "Origin: $URL" -H 'Content-Type: application/json' --data "$2" "$URL$1"; }
[ "$(post /api/session '{"language":"tr"}')" = 201 ] && pass || fail "session started: $(cat "$WORK/body")"
grep -q "HttpOnly" "$JAR" && pass || fail "the cookie is HttpOnly (curl marks it #HttpOnly_)"
[ "$(post /api/vote '{"idea":1}')" = 200 ] && pass || fail "vote: $(cat "$WORK/body")"
[ "$(q "SELECT count(*) FROM votes v JOIN sessions s ON s.id = v.session_id WHERE s.source = 'phone' AND s.language = 'tr'")" = 1 ] \
  && pass || fail "the vote is stored under a phone session"
[ "$(post /api/ideas '{"title":"Mehr Bänke am Markt","category":"begegnung"}')" = 201 ] && pass || fail "idea: $(cat "$WORK/body")"
[ "$(q "SELECT count(*) FROM ideas WHERE title = 'Mehr Bänke am Markt' AND session_id IS NOT NULL")" = 1 ] && pass || fail "idea stored"
k export sessions -o "$WORK/sessions.csv" >/dev/null 2>&1 || k export sessions >"$WORK/sessions.csv"
grep -q '"phone"' "$WORK/sessions.csv" && pass || fail "the sessions export names the phone: $(head -3 "$WORK/sessions.csv")"

# [SECTION] Slow clients (slowloris): eight connections send a request a byte every 0.2 s. Meanwhile other phones
# are served; each slow one is cut off when its request has not come whole within the server's 5 s, and logged once.
# (cpp-httplib's own read timeout starts again with every byte: without the deadline they would hold on for a minute.)
# (It runs under the sanitizers too: ./scripts/test.sh runs this test only there, see tests/CMakeLists.txt.)
SLOW=""
python3 - "$PORT" >"$WORK/slow" 2>&1 <<'PY' &
import select, socket, sys, time
request = b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 300 + b"\r\n\r\n"
conns = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(8)]
start, sent, cut = time.monotonic(), 0, {}
while len(cut) < len(conns) and sent < len(request) and time.monotonic() - start < 12:
    for i, c in enumerate(conns):
        if i in cut: continue
        try:
            if select.select([c], [], [], 0)[0] and c.recv(100) == b"": cut[i] = time.monotonic() - start; continue
            c.send(request[sent:sent + 1])
        except OSError:
            cut[i] = time.monotonic() - start
    sent += 1
    time.sleep(0.2)
print(len(cut), "cut off after", " ".join("%.1f" % t for t in sorted(cut.values())), "s; bytes sent:", sent)
PY
SLOW=$!
sleep 1
served=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 3 "$URL/api/state")
[ "${served% *}" = 200 ] && pass || fail "another phone is served while slow clients trickle in: $served"

# [SECTION] Refusals over the wire: each refused, logged in one line, nothing changed
before=$(db_fingerprint "$DB")
logged_before=$(grep -c "phones: refused" "$WORK/phones.log")
code() { curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$@"; }
[ "$(code -H "Origin: http://evil.example" -H 'Content-Type: application/json' --data '{"idea":2}' "$URL/api/vote")" = 403 ] && pass || fail "foreign origin"
[ "$(code -H "Origin: $URL" --data 'idea=2' "$URL/api/vote")" = 415 ] && pass || fail "form post"
head -c 20000 /dev/zero | tr '\0' a >"$WORK/big"
[ "$(code -H "Origin: $URL" -H 'Content-Type: application/json' --data-binary "@$WORK/big" "$URL/api/ideas")" = 413 ] && pass || fail "oversized body"
[ "$(code --path-as-is "$URL/../../etc/passwd")" = 404 ] || [ "$(code --path-as-is "$URL/../../etc/passwd")" = 400 ] && pass || fail "path outside the table"
[ "$(code "$URL/ideen.db")" = 404 ] && pass || fail "no file from disk"
# DNS rebinding: another site's name pointing here sends its own Host and a matching Origin.
[ "$(code -H "Host: evil.example:$PORT" -H "Origin: http://evil.example:$PORT" -H 'Content-Type: application/json' \
     --data '{"language":"de"}' "$URL/api/session")" = 421 ] && pass || fail "a foreign Host is refused"
[ "$(code -X DELETE "$URL/api/vote")" = 405 ] && pass || fail "DELETE"
# Malformed HTTP: the server answers 400 (or closes) and keeps serving.
printf 'GARBAGE / HTTP/9.9\r\nHost: x\r\n\r\n' | timeout 10 python3 -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.sendall(sys.stdin.buffer.read()); s.settimeout(3)
try: print(s.recv(100).decode(errors="replace").split("\r\n")[0])
except Exception: print("closed")' "$PORT" >"$WORK/garbage"
grep -Eq "400|405|closed|^$" "$WORK/garbage" && pass || fail "malformed request line: $(cat "$WORK/garbage")"
[ "$(code "$URL/api/state")" = 200 ] && pass || fail "still serving after malformed HTTP"
[ "$(db_fingerprint "$DB")" = "$before" ] && pass || fail "a refused request changed the database"
sleep 0.2
logged=$(( $(grep -c "phones: refused" "$WORK/phones.log") - logged_before ))
[ "$logged" -ge 6 ] && pass || fail "each refusal is one log line ($logged): $(cat "$WORK/phones.log")"

if [ -n "$SLOW" ]; then
  wait "$SLOW"
  echo "slow clients: $(cat "$WORK/slow")"
  read -r cut_count _ <"$WORK/slow"
  [ "$cut_count" = 8 ] && pass || fail "the slow clients are cut off: $(cat "$WORK/slow")"
  python3 -c 'import sys; times = [float(t) for t in sys.argv[1].split("after")[1].split("s;")[0].split()]
sys.exit(0 if times and 4 <= min(times) and max(times) <= 9 else 1)' "$(cat "$WORK/slow")" \
    && pass || fail "cut off at the 5 s deadline, not before, not much later: $(cat "$WORK/slow")"
  [ "$(grep -c 'phones: refused a slow request from 127.0.0.1' "$WORK/phones.log")" = 8 ] && pass \
    || fail "each slow client is one log line: $(grep -i slow "$WORK/phones.log")"
fi

# [SECTION] Connections per address: 64 held from 127.0.0.1 (each asked once, then kept open), the 65th is answered
# 429 and closed without being read, one log line; another address (127.0.0.2) is served meanwhile.
python3 - "$PORT" >"$WORK/crowd" 2>&1 <<'PY'
import socket, sys
port = int(sys.argv[1])
def status(s, ask=True):
    if ask:
        s.sendall(f"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    s.settimeout(10)
    data = b""
    while b"\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n")[0].decode()
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(64)]
answers = {status(s) for s in held}
extra = socket.create_connection(("127.0.0.1", port))
other = socket.socket()
other.bind(("127.0.0.2", 0))
other.connect(("127.0.0.1", port))
print(sorted(answers), "|", status(extra, ask=False), "|", status(other))
PY
[ "$(cat "$WORK/crowd")" = "['HTTP/1.1 200 OK'] | HTTP/1.1 429 Too Many Requests | HTTP/1.1 200 OK" ] && pass \
  || fail "64 connections per address, the next refused, others served: $(cat "$WORK/crowd")"
sleep 0.2
[ "$(grep -c 'phones: refused 429 a connection from 127.0.0.1: it already holds 64' "$WORK/phones.log")" = 1 ] && pass \
  || fail "the refused connection is one log line: $(grep 'a connection' "$WORK/phones.log")"

# [SECTION] Stop on SIGTERM
kill -TERM "$SERVER"; wait "$SERVER"; rc=$?
[ "$rc" = 0 ] && pass || fail "phones exits 0 on SIGTERM, got $rc"

# [SECTION] The QR code decodes to the URL
expect_exit 0 "qr svg" -- k phones qr --url "http://192.168.1.10:8080/" -o "$WORK/join.svg"
grep -q "<svg" "$WORK/join.svg" && pass || fail "an SVG was written"
expect_exit 0 "qr png" -- k phones --listen 192.168.1.10:8080 qr -o "$WORK/join.png"
decoded=$(zbarimg --quiet --raw "$WORK/join.png" 2>/dev/null)
[ "$decoded" = "http://192.168.1.10:8080/" ] && pass || fail "zbarimg read '$decoded'"
expect_exit 2 "qr to an unknown format" -- k phones qr --url http://x/ -o "$WORK/join.gif"
expect_exit 2 "a bad listen address" -- k phones --listen nonsense
finish
