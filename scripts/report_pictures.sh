#!/usr/bin/env bash
# Renders the README's pictures of the results report (docs/report/): the title page and the ranking page of a
# demo event's report (pdftoppm) and the participation chart.
#   ./scripts/report_pictures.sh [BINARY]     default: build/ci/kiosk/app/ideenkiosk
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bin="${1:-$IDEEN_ROOT/build/ci/kiosk/app/ideenkiosk}"
out="$IDEEN_ROOT/docs/report"
work="$(mktemp -d "${TMPDIR:-/tmp}/ideen-report-pictures.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TZ=Europe/Berlin
mkdir -p "$out"
"$bin" --db "$work/demo.db" --assets "$IDEEN_ROOT/assets" demo --ideas 120 --votes 1500 >/dev/null
"$bin" --db "$work/demo.db" report -o "$work/report.pdf" --charts "$work/charts" >/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/report.pdf" "$out/report-title"
pdftoppm -png -r 60 -f 2 -l 2 -singlefile "$work/report.pdf" "$out/report-ranking"
cp "$work/charts/hours.png" "$out/chart-hours.png"
ideen_log "pictures in $out"
