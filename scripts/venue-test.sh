#!/usr/bin/env bash
# The venue test: the package installed for real and supervised by systemd. A minimal Debian bookworm root
# (debootstrap, cached), booted with systemd as PID 1 in a container (systemd-nspawn -b); inside it:
#   apt install ./ideenkiosk_*.deb        postinst: the user, /var/lib/ideenkiosk, the kiosk unit enabled
#   the kiosk unit, started under cage headless (a test drop-in), reaches READY (Type=notify)
#   kill -9 of the kiosk               -> systemd's Restart= brings a fresh process
#   the hidden hang flag               -> systemd's WatchdogSec= kills and restarts it
#   an idea saved before all that is still there, and the kill and the hang counted as two crashes
#   the projector unit (a PC of its own): takes the seat from the kiosk, shows that idea, restarted after kill -9
#   apt remove, then apt purge         -> what the maintainer scripts promise
# Takes about a minute with the cached root; the first run on a machine debootstraps (several minutes), which is
# why this is not in ./scripts/test.sh: scripts/soak.sh calls it.
#   usage: scripts/venue-test.sh [PACKAGE.deb]     (without one, scripts/package.sh builds it)
#   IDEEN_CACHE (default ~/.cache/ideenkiosk) holds the root; IDEEN_DEBIAN_MIRROR the archive to debootstrap from.
# Prints "SUMMARY test=venue result=pass|fail|skipped checks=N failures=N ..." last. Exit 0 pass, 1 fail, 77 skip.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
set +e  # common.sh sets -e; here every step is checked and counted, and cleanup must run

SKIP=77
CHECKS=0 FAILURES=0
fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }
summary() { echo "SUMMARY test=venue result=$1 checks=$CHECKS failures=$FAILURES ${*:2}"; }
skip() { echo "SKIP: $*" >&2; summary skipped "reason=\"$*\""; exit "$SKIP"; }

# [SECTION] What this machine allows
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap and systemd-nspawn create and boot a Debian root)"
ideen_install debootstrap systemd-container
DEB="${1:-}"
if [ -z "$DEB" ]; then
  DEB="$("$IDEEN_ROOT/scripts/package.sh" | tail -1)" || { fail "scripts/package.sh"; summary fail; exit 1; }
fi
[ -f "$DEB" ] || { echo "no such package: $DEB" >&2; exit 2; }
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"

SUITE=bookworm
MIRROR="${IDEEN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE="${IDEEN_CACHE:-$HOME/.cache/ideenkiosk}"
# The root: systemd to boot, and what the package depends on, so that installing it needs no download. The
# package's own Depends are part of the cache key: a new dependency makes a new root.
BASE=(systemd systemd-sysv dbus procps libgl1-mesa-dri)
mapfile -t DEPENDS < <(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/ //g' | sed '/^$/d')
KEY="$(printf '%s\n' "$SUITE" "$MIRROR" "${BASE[@]}" "${DEPENDS[@]}" | sha256sum | cut -c1-16)"
CACHED="$CACHE/venue-root-$KEY"

WORK="$(mktemp -d /var/tmp/ideen-venue.XXXXXX)"
ROOT="$WORK/root"
MACHINE="ideen-venue-$$"
NSPAWN_PID="" LEADER=""
cleanup() {
  if [ -n "$NSPAWN_PID" ]; then
    # A clean shutdown of the container (systemd-nspawn passes SIGTERM on as a poweroff request).
    in_vm systemctl poweroff >/dev/null 2>&1 || kill -TERM "$NSPAWN_PID" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.2; done
    { kill -KILL "$NSPAWN_PID" && wait "$NSPAWN_PID"; } 2>/dev/null
  fi
  if [ "$FAILURES" -gt 0 ] && [ -f "$WORK/boot.log" ]; then
    mkdir -p "$WORK-logs" && cp "$WORK"/*.log "$WORK-logs/" 2>/dev/null
    echo "logs of the failed venue test: $WORK-logs" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# [SECTION] The cached root
make_root() {
  local fresh="$CACHE/.venue-root-$KEY.$$"
  ideen_log "Debootstrapping a $SUITE root into $CACHED (once per package list; several minutes)"
  mkdir -p "$CACHE"
  rm -rf "$fresh"
  if ! debootstrap --variant=minbase --include="$(IFS=,; echo "${BASE[*]}")" "$SUITE" "$fresh" "$MIRROR" \
      >"$WORK/debootstrap.log" 2>&1; then
    tail -5 "$WORK/debootstrap.log" >&2
    rm -rf "$fresh"
    skip "debootstrap from $MIRROR failed (no network to Debian's archive?); its log's end is above"
  fi
  # The package's dependencies as apt resolves them (a virtual name picks its one provider), the way
  # `apt install ./ideenkiosk.deb` will, only without the package.
  if ! systemd-nspawn -q -D "$fresh" --register=no --keep-unit --pipe \
      env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${DEPENDS[@]}" >"$WORK/depends.log" 2>&1; then
    tail -5 "$WORK/depends.log" >&2
    rm -rf "$fresh"
    skip "installing the package's dependencies into the root failed; the log's end is above"
  fi
  systemd-nspawn -q -D "$fresh" --register=no --keep-unit --pipe apt-get clean >/dev/null 2>&1
  mv "$fresh" "$CACHED"
}
started=$SECONDS
[ -d "$CACHED" ] || make_root
cp -a "$CACHED" "$ROOT" || { fail "copy the cached root"; summary fail; exit 1; }
ideen_log "Root ready in $((SECONDS - started)) s ($CACHED)"

# wait_for SECONDS COMMAND…: until the command succeeds (0) or the time is up (1).
wait_for() {
  local until=$((SECONDS + $1)); shift
  while [ "$SECONDS" -lt "$until" ]; do "$@" && return 0; sleep 0.2; done
  return 1
}

# [SECTION] Boot it with systemd as PID 1
# --register=no --keep-unit: the host's PID 1 need not be systemd (no machined, no scope for the container).
systemd-nspawn -D "$ROOT" -b --register=no --keep-unit -M "$MACHINE" --console=read-only >"$WORK/boot.log" 2>&1 &
NSPAWN_PID=$!
# The container's PID 1 is systemd-nspawn's child (in its own PID namespace).
for _ in $(seq 1 100); do
  LEADER="$(pgrep -P "$NSPAWN_PID" | head -1)"
  [ -n "$LEADER" ] && [ "$(cat "/proc/$LEADER/comm" 2>/dev/null)" = systemd ] && break
  LEADER=""
  kill -0 "$NSPAWN_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$LEADER" ] || skip "systemd-nspawn could not boot the root here: $(tail -3 "$WORK/boot.log" | tr '\n' ' ')"
# in_vm COMMAND…: runs it inside the booted container (all of its namespaces), as root.
in_vm() { nsenter -t "$LEADER" -a -- "$@"; }
# systemctl answers once systemd has its private socket (a second or so after the start), then waits for the boot.
system_bus_up() { [ -n "$(in_vm systemctl is-system-running 2>/dev/null)" ]; }
wait_for 60 system_bus_up
state="$(in_vm timeout 120 systemctl is-system-running --wait 2>"$WORK/state.err")"
case "$state" in
  running|degraded) pass ;;
  *) skip "the container's systemd did not come up (state '$state', $(head -c 200 "$WORK/state.err")): $(tail -3 "$WORK/boot.log" | tr '\n' ' ')" ;;
esac
ideen_log "Booted $MACHINE: systemd $(in_vm systemctl --version | head -1 | cut -d' ' -f2) as PID 1, $state, $((SECONDS - started)) s"

# show UNIT PROPERTY: one property of a unit inside the container.
show() { in_vm systemctl show -P "$2" "$1"; }
KIOSK=ideenkiosk-kiosk.service
# kiosk_pid: the ideenkiosk process below cage (the unit's main process), if any (the projector's, in its section).
kiosk_pid() { in_vm pgrep -u ideenkiosk -x ideenkiosk | head -1; }

# [SECTION] Install
cp "$DEB" "$ROOT/root/"
if in_vm env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/root/$(basename "$DEB")" >"$WORK/install.log" 2>&1
then pass; else fail "apt install ./$(basename "$DEB"): $(tail -5 "$WORK/install.log")"; fi
grep "^Get:" "$WORK/install.log" | grep -qv "$(basename "$DEB")" && echo "note: the install downloaded packages the cached root lacked" >&2
in_vm getent passwd ideenkiosk | grep -q ':/var/lib/ideenkiosk:' && pass || fail "postinst made the system user ideenkiosk"
[ "$(in_vm stat -c '%U:%G %a' /var/lib/ideenkiosk)" = "ideenkiosk:ideenkiosk 750" ] && pass \
  || fail "postinst made /var/lib/ideenkiosk 0750 for the user: $(in_vm stat -c '%U:%G %a' /var/lib/ideenkiosk)"
in_vm id -nG ideenkiosk | grep -qw video && pass || fail "the user is in the video group: $(in_vm id -nG ideenkiosk)"
[ "$(in_vm systemctl is-enabled $KIOSK)" = enabled ] && pass || fail "postinst enabled the kiosk unit for the next boot"
[ "$(show $KIOSK ActiveState)" = inactive ] && pass || fail "postinst did not start the kiosk (it would take the installer's screen)"

# [SECTION] The kiosk under systemd
# What differs from a venue PC: no VT and no GPU in a container, so cage runs headless, the TTY settings go
# (there is no /dev/tty1 to condition on), the screen is described in a file, and a test may add run options.
# test_dropin UNIT COMMAND…: the container's stand-ins for a VT and a GPU, and cage around COMMAND.
test_dropin() {
  local unit="$1"
  shift
  mkdir -p "$ROOT/etc/systemd/system/$unit.d"
  cat >"$ROOT/etc/systemd/system/$unit.d/venue-test.conf" <<EOF
[Unit]
ConditionPathExists=
[Service]
TTYPath=/dev/null
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 LIBGL_ALWAYS_SOFTWARE=1
EnvironmentFile=-/run/ideenkiosk-test.env
ExecStart=
ExecStart=/usr/bin/cage -d -s -- $*
EOF
}
test_dropin $KIOSK /usr/bin/ideenkiosk --config /etc/ideenkiosk/kiosk.toml run --automation /var/lib/ideenkiosk/screen.json '$IDEEN_TEST_ARGS'
# The technician's edit: the example event.
sed -i 's|^# event_file = .*|event_file = "/usr/share/ideenkiosk/event.example.toml"|' "$ROOT/etc/ideenkiosk/kiosk.toml"
in_vm systemctl daemon-reload

# Type=notify: `systemctl start` returns once the kiosk sent READY=1 after its first frame.
t0=$SECONDS
if in_vm timeout 90 systemctl start $KIOSK; then pass; else
  fail "the kiosk unit started: $(in_vm journalctl -u $KIOSK --no-pager -n 20)"
fi
[ "$(show $KIOSK ActiveState)/$(show $KIOSK SubState)" = active/running ] && pass \
  || fail "the kiosk unit is active (READY=1 received): $(show $KIOSK ActiveState)/$(show $KIOSK SubState)"
ready_s=$((SECONDS - t0))
status="$(show $KIOSK StatusText)"
[ -n "$status" ] && pass || fail "the kiosk's STATUS= reached systemd with READY=1"
ideen_log "Kiosk unit active after ${ready_s} s, its status: $status"
in_vm journalctl -u $KIOSK --no-pager | grep -q "no active event: loaded" && pass \
  || fail "the kiosk loaded the event file of /etc/ideenkiosk/kiosk.toml"
wait_for 20 in_vm grep -qs '"screen": *"attract"' /var/lib/ideenkiosk/screen.json && pass \
  || fail "the kiosk shows the attract screen: $(in_vm cat /var/lib/ideenkiosk/screen.json | head -c 300)"
[ "$(in_vm stat -c %U /var/lib/ideenkiosk/ideenkiosk.db)" = ideenkiosk ] && pass || fail "the database belongs to ideenkiosk"

# An idea saved while the kiosk runs (the moderators' command, as the kiosk's user).
MARK="Venue test idea $$"
in_vm runuser -u ideenkiosk -- ideenkiosk --config /etc/ideenkiosk/kiosk.toml idea add --title "$MARK" \
  >"$WORK/idea.log" 2>&1 && pass || fail "idea add: $(cat "$WORK/idea.log")"

# kill -9: nothing of the kiosk runs its own handlers; systemd's Restart= must bring it back.
first="$(kiosk_pid)"
restarts="$(show $KIOSK NRestarts)"
[ -n "$first" ] && in_vm kill -KILL "$first"
t0=$SECONDS
back() { local p; p="$(kiosk_pid)"; [ -n "$p" ] && [ "$p" != "$first" ] && [ "$(show $KIOSK NRestarts)" -gt "$restarts" ] &&
         [ "$(show $KIOSK SubState)" = running ]; }
if wait_for 30 back; then pass; else fail "a fresh kiosk after kill -9 (Restart=): $(in_vm systemctl status $KIOSK --no-pager | head -15)"; fi
killed_s=$((SECONDS - t0))

# The hidden hang flag: the loop stops turning 2 s after the start, the process stays. Only this one start gets
# the flag (the file is read at each start); the watchdog (WatchdogSec=10) must kill it and Restart= start anew.
# (/run is the container's own tmpfs: written from inside.)
in_vm sh -c 'echo "IDEEN_TEST_ARGS=--test-hang-after 2" >/run/ideenkiosk-test.env'
in_vm timeout 90 systemctl restart $KIOSK || fail "restart with the hang flag"
in_vm rm -f /run/ideenkiosk-test.env
in_vm pgrep -u ideenkiosk -a -x ideenkiosk | grep -q -- "--test-hang-after 2" && pass \
  || fail "the kiosk runs with the hang flag: $(in_vm pgrep -u ideenkiosk -a -x ideenkiosk)"
hung="$(kiosk_pid)"
restarts="$(show $KIOSK NRestarts)"
t0=$SECONDS
watchdog_fired() { in_vm journalctl -u $KIOSK --no-pager | grep -q "Watchdog timeout"; }
wait_for 40 watchdog_fired && pass || fail "systemd saw the watchdog timeout of the hung kiosk"
hang_s=$((SECONDS - t0))
first="$hung"
wait_for 40 back && pass || fail "a fresh kiosk after the watchdog: $(in_vm systemctl status $KIOSK --no-pager | head -15)"
watchdog_s=$((SECONDS - t0))
# Running again means READY=1 came from the new process (Type=notify), with the screen it shows.
[ "$(show $KIOSK StatusText)" = "showing attract" ] && pass \
  || fail "the restarted kiosk shows the attract screen: $(show $KIOSK StatusText)"

in_vm runuser -u ideenkiosk -- ideenkiosk --config /etc/ideenkiosk/kiosk.toml idea list >"$WORK/list.log" 2>&1
grep -q "$MARK" "$WORK/list.log" && pass || fail "the idea saved before the kill and the hang is still there: $(cat "$WORK/list.log")"
# The kill and the watchdog's abort ended the kiosk without an exception; `systemctl restart` stopped it cleanly.
in_vm runuser -u ideenkiosk -- ideenkiosk --config /etc/ideenkiosk/kiosk.toml doctor >"$WORK/doctor.log" 2>&1
grep -q "crashes: 2 so far, the last: the kiosk before" "$WORK/doctor.log" && pass \
  || fail "the kill and the watchdog are counted as two crashes: $(grep crashes "$WORK/doctor.log")"

# [SECTION] The projector unit, on a PC of its own: it takes the seat from the kiosk (Conflicts=)
PROJECTOR=ideenkiosk-projector.service
test_dropin $PROJECTOR /usr/bin/ideenkiosk --config /etc/ideenkiosk/kiosk.toml projector --automation /var/lib/ideenkiosk/projector.json
in_vm systemctl daemon-reload
in_vm timeout 60 systemctl start $PROJECTOR && pass || fail "the projector unit started: $(in_vm journalctl -u $PROJECTOR --no-pager -n 20)"
# Stopped before the projector started (After=), and inactive, not failed: the kiosk stopped first, then cage.
[ "$(show $KIOSK ActiveState)" = inactive ] && pass || fail "the projector unit stopped the kiosk (Conflicts=): $(show $KIOSK ActiveState)"
in_vm journalctl -u $KIOSK --no-pager -n 15 | grep -q "kiosk window closed" && pass || fail "the kiosk stopped cleanly for the projector"
projecting() { in_vm grep -qs "$MARK" /var/lib/ideenkiosk/projector.json; }
wait_for 30 projecting && pass \
  || fail "the projector shows the idea saved at the kiosk: $(in_vm journalctl -u $PROJECTOR --no-pager -n 10)"
in_vm grep -qs '"screen": *"projector"' /var/lib/ideenkiosk/projector.json && pass || fail "the projector unit shows the projector"
first="$(kiosk_pid)"
restarts="$(show $PROJECTOR NRestarts)"
[ -n "$first" ] && in_vm kill -KILL "$first"
projector_back() { local p; p="$(kiosk_pid)"; [ -n "$p" ] && [ "$p" != "$first" ] && [ "$(show $PROJECTOR NRestarts)" -gt "$restarts" ]; }
wait_for 30 projector_back && pass || fail "a fresh projector after kill -9 (Restart=): $(in_vm systemctl status $PROJECTOR --no-pager | head -15)"
in_vm timeout 60 systemctl stop $PROJECTOR && pass || fail "the projector unit stops"
[ "$(show $PROJECTOR ActiveState)" = inactive ] && pass || fail "the projector unit stopped cleanly: $(show $PROJECTOR ActiveState)"

# The units' journal, kept with the other logs when a check failed.
in_vm journalctl --no-pager -u $KIOSK -u "${PROJECTOR:-}" >"$WORK/units.log" 2>&1

# [SECTION] Remove, then purge
in_vm env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q ideenkiosk >"$WORK/remove.log" 2>&1 && pass \
  || fail "apt remove: $(tail -5 "$WORK/remove.log")"
[ "$(show $KIOSK ActiveState)" != active ] && pass || fail "prerm stopped the kiosk"
[ -z "$(kiosk_pid)" ] && pass || fail "no kiosk process after remove"
in_vm test ! -e /usr/bin/ideenkiosk && pass || fail "remove took the binary"
in_vm test -f /etc/ideenkiosk/kiosk.toml && pass || fail "remove keeps the configuration (a conffile)"
in_vm test -f /var/lib/ideenkiosk/ideenkiosk.db && pass || fail "remove keeps the database"

in_vm env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q ideenkiosk >"$WORK/purge.log" 2>&1 && pass \
  || fail "apt purge: $(tail -5 "$WORK/purge.log")"
in_vm test ! -e /etc/ideenkiosk/kiosk.toml && pass || fail "purge took the configuration"
in_vm test ! -e /etc/systemd/system/graphical.target.wants/$KIOSK && pass || fail "purge took the unit's enablement"
in_vm test -f /var/lib/ideenkiosk/ideenkiosk.db && pass || fail "purge keeps the organisers' database"
grep -q "data in /var/lib/ideenkiosk was kept" "$WORK/purge.log" && pass || fail "purge says the data was kept"
in_vm getent passwd ideenkiosk >/dev/null && pass || fail "purge keeps the user (files belong to it)"

figures="ready_s=$ready_s restart_after_kill_s=$killed_s watchdog_caught_s=$hang_s restart_after_hang_s=$watchdog_s total_s=$((SECONDS - started))"
ideen_log "Venue test: $CHECKS checks, $FAILURES failures; $figures"
if [ "$FAILURES" -gt 0 ]; then summary fail "$figures"; exit 1; fi
summary pass "$figures"
