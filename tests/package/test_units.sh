#!/usr/bin/env bash
# The package's systemd units pass `systemd-analyze verify` (with the package's files in a temporary root).
source "$(dirname "$0")/lib.sh"
unpack_package
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed" >&2
  exit "$SKIP"
fi
# verify --root resolves everything inside the root: the package's files are there, and beside them go what an
# installed system provides, copied from this machine: systemd's own units (sysinit.target, …), cage, which
# the package depends on, and /bin/sh (the units' ExecStop). (--man=no: the man page is checked in package.contents.)
if [ ! -x /usr/bin/cage ]; then
  echo "SKIP: cage is not installed (scripts/lib/common.sh installs it)" >&2
  exit "$SKIP"
fi
mkdir -p "$ROOT/usr/lib/systemd"
cp -a /usr/lib/systemd/system "$ROOT/usr/lib/systemd/"
cp /usr/bin/cage "$ROOT/usr/bin/cage"
mkdir -p "$ROOT/bin"
cp -L /bin/sh "$ROOT/bin/sh"
for unit in ideenkiosk-kiosk.service ideenkiosk-projector.service ideenkiosk-backup.service ideenkiosk-backup.timer; do
  # It warns about unknown keys and values it cannot parse but exits 0: any output at all is a failure.
  if systemd-analyze verify --man=no --root="$ROOT" "$ROOT/usr/lib/systemd/system/$unit" >"$WORK/verify.log" 2>&1 \
     && [ ! -s "$WORK/verify.log" ]; then
    pass
  else
    fail "systemd-analyze verify $unit: $(cat "$WORK/verify.log")"
  fi
done
# What the kiosk unit must say (verify above proved systemd reads these lines as meant).
props="$(cat "$ROOT/usr/lib/systemd/system/ideenkiosk-kiosk.service")"
for want in '^Type=notify' '^User=ideenkiosk' '^Restart=always' '^WatchdogSec=' '^TTYPath=/dev/tty1' \
  '^ExecStart=/usr/bin/cage .*-- /usr/bin/ideenkiosk --config /etc/ideenkiosk/kiosk.toml run' \
  '^ExecStop=/bin/sh -c .pkill -TERM -P \$\{MAINPID\} -x ideenkiosk'; do
  grep -Eq "$want" <<<"$props" && pass || fail "the kiosk unit has $want"
done
finish
