#!/usr/bin/env bash
# Renders every screen of the kiosk in every language (default de,tr,en) under Xvfb into docs/screenshots/, named
# <screen>_<language>_<W>x<H>.png: 1920x1080 and 1080x1920 for every screen, 1280x800 for the main ones.
#   ./scripts/screenshots.sh [FOLDER]      (default docs/screenshots; the PNGs there are replaced)
# IDEEN_SCREENSHOT_SIZES="1920x1080 …" and IDEEN_SCREENSHOT_LANGUAGES="de,tr,en,ar" pick fewer (only "ar": the
# Arabic pictures, the others in the folder are kept);
# IDEEN_SCREENSHOT_READING=0 leaves out the attendee screens in large text and high contrast (<screen>_large_…,
# <screen>_contrast_…);
# IDEEN_SCREENSHOT_ONLY=moderators renders only the PIN keypad and the panel, in each of the languages (the panel's
# own choice) and at each size, 1280x800 too (a moderator's laptop), into the folder, keeping the rest;
# IDEEN_SCREENSHOT_BIN=PATH uses a binary already built (e.g. build/ci's) instead of building `dev`.
# It drives the real binary (the `dev` build) on a demo event: taps by element id through the automation file,
# types with a physical keyboard (xdotool), and asks for each picture with SIGUSR1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" xvfb xdotool x11-utils python3 libgl1-mesa-dri pngquant
if [ -n "${IDEEN_SCREENSHOT_BIN:-}" ]; then
  bin="$(realpath "$IDEEN_SCREENSHOT_BIN")"
else
  ideen_build dev
  bin="$IDEEN_ROOT/build/dev/kiosk/app/ideenkiosk"
fi
out="$(realpath -m "${1:-$IDEEN_ROOT/docs/screenshots}")"
sizes=(${IDEEN_SCREENSHOT_SIZES:-1920x1080 1080x1920 1280x800})
languages="${IDEEN_SCREENSHOT_LANGUAGES:-de,tr,en,ar}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-screenshots.XXXXXX")"
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1

mkdir -p "$out"
touch "$work/started"
only=()
if [ "${IDEEN_SCREENSHOT_ONLY:-}" = moderators ]; then
  only=(--only-moderators)
  for language in ${languages//,/ }; do
    for size in "${sizes[@]}"; do rm -f "$out"/pin_pad_"$language"_"$size".png "$out"/moderation*_"$language"_"$size".png; done
  done
else
  # Only the languages and sizes rendered now: the pictures of the others stay.
  for language in ${languages//,/ }; do
    for size in "${sizes[@]}"; do rm -f "$out"/*_"$language"_"$size".png; done
  done
fi
failed=0
for size in "${sizes[@]}"; do
  # A fresh demo event for each size (the same seed: the same ideas), with a PIN for the moderators' keypad.
  db="$work/demo-$size.db"
  "$bin" --db "$db" demo --ideas 60 --votes 400 --seed 2009 >/dev/null
  echo 2468 | "$bin" --db "$db" pin set >/dev/null
  ideen_virtual_display "$size"
  xvfb="$IDEEN_XVFB_PID"
  ideen_log "Screenshots at $size on $DISPLAY"
  main_only=()
  [ "$size" = 1280x800 ] && main_only=(--main-only)
  [ "${IDEEN_SCREENSHOT_READING:-1}" = 1 ] && main_only+=(--reading)
  python3 "$IDEEN_ROOT/scripts/lib/screenshots.py" --bin "$bin" --db "$db" --out "$out" --work "$work/$size" \
    --size "$size" --languages "$languages" "${main_only[@]}" "${only[@]}" || failed=1
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  xvfb=""
done

# Fewer colours, same look: pngquant makes the PNGs a third of their size or less.
if command -v pngquant >/dev/null 2>&1; then
  ideen_log "Compressing with pngquant"
  # Only the pictures of this run: quantising a picture again changes it for nothing.
  find "$out" -name '*.png' -newer "$work/started" -print0 |
    while IFS= read -r -d '' png; do pngquant --force --skip-if-larger --quality 70-95 --output "$png" -- "$png" || true; done
fi
count=$(find "$out" -name '*.png' | wc -l)
echo "$count screenshots ($(du -sh "$out" | cut -f1)) in $out"
[ "$failed" -eq 0 ] || { echo "Some screenshots are missing; the messages above say which." >&2; exit 1; }
