#!/usr/bin/env bash
# The binary from the unpacked package, started as the unit starts it: under cage (headless, through Xwayland)
# as an unprivileged user with the package's kiosk.toml, edited as a technician would (database, event file).
# It must find its assets in the package's /usr/share/ideenkiosk, load the event and show the attract screen.
source "$(dirname "$0")/lib.sh"
unpack_package
if ! command -v cage >/dev/null || ! command -v Xwayland >/dev/null; then
  echo "SKIP: cage and xwayland are not installed (scripts/lib/common.sh installs them)" >&2
  exit "$SKIP"
fi
if [ "$(id -u)" = 0 ]; then
  as_user=(runuser -u nobody --)  # cage refuses to run as root
  user=nobody
else
  as_user=()
  user="$(id -un)"
fi

data="$WORK/var-lib-ideenkiosk"
runtime="$WORK/run"
mkdir -p "$data" "$runtime"
chmod 0700 "$runtime"
config="$WORK/kiosk.toml"
sed -e "s|^database = .*|database = \"$data/ideenkiosk.db\"|" \
    -e "s|^# event_file = .*|event_file = \"$ROOT/usr/share/ideenkiosk/event.example.toml\"|" \
    "$ROOT/etc/ideenkiosk/kiosk.toml" >"$config"
grep -q "^event_file = \"$ROOT" "$config" && pass || fail "the installed kiosk.toml has the event_file line to edit"
chown -R "$user" "$data" "$runtime" "$config"

# Only the package's files: no build tree, no source tree's assets through the environment.
"${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$data" XDG_RUNTIME_DIR="$runtime" \
  WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 LIBGL_ALWAYS_SOFTWARE=1 \
  cage -- "$ROOT/usr/bin/ideenkiosk" --config "$config" run --automation "$data/auto.json" \
  >"$WORK/cage.log" 2>&1 &
CAGE=$!
CHILDREN+=("$CAGE")
for _ in $(seq 1 300); do [ -s "$data/auto.json" ] && break; sleep 0.1; done
[ -s "$data/auto.json" ] && pass || fail "the kiosk drew its first frame under cage: $(tail -20 "$WORK/cage.log")"

grep -q "word lists: [0-9]* entries from $ROOT/usr/share/ideenkiosk/wordlists" "$WORK/cage.log" && pass \
  || fail "the assets come from the package's /usr/share/ideenkiosk: $(grep 'word lists' "$WORK/cage.log")"
grep -q "no active event: loaded .* from $ROOT/usr/share/ideenkiosk/event.example.toml" "$WORK/cage.log" && pass \
  || fail "the event file of kiosk.toml was loaded"
python3 - "$data/auto.json" <<'PY' && pass || fail "the attract screen of the example event, in German"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["screen"] == "attract", d["screen"]
assert "Integrationskonferenz" in d["title"], d["title"]
assert d["language"] == "de"
PY
[ "$(stat -c %U "$data/ideenkiosk.db")" = "$user" ] && pass || fail "the database belongs to $user"

# Ending the kiosk ends cage (as systemd's stop does).
kiosk="$(child_running "$CAGE" "$ROOT/usr/bin/ideenkiosk")"
[ -n "$kiosk" ] && pass || fail "the kiosk runs as a child of cage"
[ -n "$kiosk" ] && kill -TERM "$kiosk"
for _ in $(seq 1 100); do kill -0 "$CAGE" 2>/dev/null || break; sleep 0.1; done
kill -0 "$CAGE" 2>/dev/null && fail "cage still runs after the kiosk ended" || pass
grep -q "kiosk window closed" "$WORK/cage.log" && pass || fail "the kiosk closed cleanly: $(tail -5 "$WORK/cage.log")"
finish
