#!/usr/bin/env bash
# One Xvfb start-up, sourced by the scripts (scripts/lib/common.sh) and the end-to-end tests (tests/e2e/lib.sh).

# ideen_start_xvfb [WxH]: a new Xvfb (1920x1080 unless given) made the current DISPLAY; its pid in IDEEN_XVFB_PID
# (set even when it fails, so the caller can end it). Returns 1, DISPLAY unchanged, if it is not up within 10 s.
ideen_start_xvfb() {
  # Xvfb picks a free display number itself and tells it on a file descriptor: choosing one here from the lock
  # files raced with servers starting beside this one (two servers for one number; the loser then drew on the
  # winner's screen and lost it when that one ended).
  local n="" file
  file="$(mktemp "${TMPDIR:-/tmp}/ideen-display.XXXXXX")"
  Xvfb -displayfd 3 -screen 0 "${1:-1920x1080}x24" -nolisten tcp 3>"$file" >/dev/null 2>&1 &
  IDEEN_XVFB_PID=$!
  for _ in $(seq 1 100); do
    # The number is whole once its line ends.
    [ "$(wc -l <"$file")" -ge 1 ] && { n="$(head -1 "$file")"; break; }
    kill -0 "$IDEEN_XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$file"
  if [ -n "$n" ] && DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then
    export DISPLAY=":$n"
    return 0
  fi
  return 1
}
