#!/usr/bin/env bash
# Restarting the kiosk in development as systemd's Restart= does on a venue PC (scripts/kiosk.sh, the tests).

# ideen_supervise COMMAND…: runs COMMAND and starts it again whenever it ends with a failure (a crash's exit
# code, a signal such as the OOM killer's SIGKILL), after a second. A clean exit (Escape with --allow-exit) ends
# the loop, and so does SIGTERM/SIGINT to this shell, which is passed on to the command. More than 5 failures
# within 60 s end it too (as StartLimitBurst does), so a kiosk that cannot start does not spin.
ideen_supervise() {
  local stop=0 child=0 code=0 now recent=() kept t
  trap 'stop=1; [ "$child" -gt 0 ] && kill -TERM "$child" 2>/dev/null' INT TERM
  while :; do
    "$@" &
    child=$!
    # A trapped signal interrupts `wait`; wait again until the command has really ended.
    while :; do
      code=0
      wait "$child" || code=$?  # (|| keeps `set -e` callers from ending here)
      kill -0 "$child" 2>/dev/null || break
    done
    child=0
    if [ "$stop" = 1 ] || [ "$code" = 0 ]; then
      trap - INT TERM
      return "$code"
    fi
    now="$(date +%s)"
    kept=()
    for t in "${recent[@]}" "$now"; do [ "$t" -ge $((now - 60)) ] && kept+=("$t"); done
    recent=("${kept[@]}")
    if [ "${#recent[@]}" -gt 5 ]; then
      printf '==> %s\n' "the kiosk failed ${#recent[@]} times within 60 s (last exit $code); giving up" >&2
      trap - INT TERM
      return "$code"
    fi
    printf '==> %s\n' "the kiosk ended with exit $code; starting it again" >&2
    sleep 1
  done
}
