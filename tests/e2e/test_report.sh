#!/usr/bin/env bash
# The organisers' results report and Excel workbook, read back by real clients: poppler (pdfinfo, pdftotext)
# finds the top ideas, the key figures and every script in the PDF on A4 pages; LibreOffice opens the workbook
# and its cells equal our CSV export's. Events with no votes, with 10,000 ideas and with hostile titles each
# give a report; an unwritable path or a full disk gives one clear line and no file, whole or half.
# ctest-cost: 72
source "$(dirname "$0")/lib.sh"
NASTY="$SRC/tests/nasty/nasty.py"
require_tools pdfinfo pdftotext

# [SECTION] An event with titles in three scripts and demo votes
DB="$WORK/kiosk.db"
k() { "$BIN" --db "$DB" "$@"; }
expect_exit 0 "demo" -- k demo --ideas 30 --votes 400
expect_exit 0 "German title" -- k idea add --title "Größere Übergänge für Schüler" --category begegnung
expect_exit 0 "Turkish title" -- k idea add --title "Mahalle şenliği ığdır İzmir" --language tr --category begegnung
expect_exit 0 "Arabic title" -- k idea add --title "مقهى اللغة" --category begegnung
expect_exit 0 "report" -- k report -o "$WORK/report.pdf" --top 100
expect_exit 0 "Turkish report" -- k report -o "$WORK/rapor.pdf" --language tr
expect_exit 0 "charts" -- k report --charts "$WORK/charts"
mkdir -p "$WORK/stick1" "$WORK/stick2" "$WORK/stick3"
expect_exit 0 "export all" -- k export all -o "$WORK/stick1"
EXPORT="$(sed 's/^exported to //' "$WORK/out")"
expect_exit 0 "export xlsx" -- k export ideas --format xlsx -o "$WORK/ideas.xlsx"

pdfinfo "$WORK/report.pdf" >"$WORK/info.txt" 2>&1 && pass || fail "pdfinfo cannot read the report: $(cat "$WORK/info.txt")"
grep -Eq '^Page size: +595\.(2|3)[0-9]* x 841\.(8|9)[0-9]* pts \(A4\)' "$WORK/info.txt" && pass ||
  fail "the report is not A4: $(grep 'Page size' "$WORK/info.txt")"
[ "$(sed -n 's/^Pages: *//p' "$WORK/info.txt")" -ge 5 ] && pass || fail "the report has fewer than 5 pages"
pdftotext -enc UTF-8 "$WORK/report.pdf" "$WORK/report.txt" && pass || fail "pdftotext cannot read the report"
# Text flowed over lines is compared as one line.
tr -s '\n ' '  ' <"$WORK/report.txt" >"$WORK/flat.txt"
has() { grep -qF -- "$1" "$WORK/${2:-flat.txt}" && pass || fail "the report lacks ${3:-$1}"; }
for title in "Größere Übergänge für Schüler" "Mahalle şenliği ığdır İzmir" "Ergebnisbericht" "Rangliste"; do
  has "$title"
done
# poppler returns Arabic in logical order between embedding marks, with a space wherever two shaped glyphs do not
# touch: the letters are compared without spaces and marks.
letters() { python3 -c "import re, sys; sys.stdout.write(re.sub(r'[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', sys.stdin.read()))"; }
letters <"$WORK/flat.txt" >"$WORK/letters.txt"
grep -qF "$(echo "مقهى اللغة" | letters)" "$WORK/letters.txt" && pass || fail "the report lacks the Arabic title"
# The top five ideas by our own JSON export, and the key figures by `stats --json`, are in the PDF.
expect_exit 0 "stats" -- k stats --json
cp "$WORK/out" "$WORK/stats.json"
k export ideas --format json -o "$WORK/ideas.json"
python3 - "$WORK/ideas.json" >"$WORK/top.txt" <<'PY'
import json, sys
ideas = [i for i in json.load(open(sys.argv[1]))['ideas'] if i['status'] == 'published']
ideas.sort(key=lambda i: (-i['votes'], i['number']))
for i in ideas[:5]:
    print(i['title'])
PY
[ "$(wc -l <"$WORK/top.txt")" = 5 ] && pass || fail "the export has no five published ideas"
while IFS= read -r title; do has "$title" flat.txt "the top idea '$title'"; done <"$WORK/top.txt"
pdftotext -enc UTF-8 -f 1 -l 1 "$WORK/report.pdf" "$WORK/title.txt"
for key in ideas votes participants sessions; do
  n="$(python3 -c "import json; print('{:,}'.format(json.load(open('$WORK/stats.json'))['$key']).replace(',', '.'))")"
  grep -qw -- "$n" "$WORK/title.txt" && pass || fail "the key figure $key ($n) is not on the title page"
done
pdftotext -enc UTF-8 "$WORK/rapor.pdf" "$WORK/rapor.txt"
grep -q "Sıralama" "$WORK/rapor.txt" && pass || fail "the Turkish report is not in Turkish"
for chart in hours topics languages; do
  python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); sys.exit(d[:4]!=b'\x89PNG' or struct.unpack('>II',d[16:24])!=(1600,1000))" \
    "$WORK/charts/$chart.png" && pass || fail "$chart.png is no 1600x1000 PNG"
  grep -q "<svg" "$WORK/charts/$chart.svg" && pass || fail "$chart.svg is no SVG"
done
[ -s "$EXPORT/ideenkiosk.xlsx" ] && [ -s "$EXPORT/bericht.pdf" ] && pass || fail "export all lacks the workbook or the report"
# Typed cells, frozen header, autofilter, no formula: in the workbook's own XML.
python3 "$SRC/tests/e2e/workbook_types.py" "$EXPORT/ideenkiosk.xlsx" && pass || fail "the workbook's cells have the wrong types"
python3 "$SRC/tests/e2e/workbook_types.py" "$WORK/ideas.xlsx" && pass || fail "export --format xlsx has the wrong types"

# [SECTION] No votes, 10,000 ideas, hostile titles
EMPTY="$WORK/empty.db"
expect_exit 0 "empty event" -- "$BIN" --db "$EMPTY" event load "$SRC/assets/event.example.toml"
expect_exit 0 "idea without votes" -- "$BIN" --db "$EMPTY" idea add --title "Lesepaten ohne Stimmen"
expect_exit 0 "report without votes" -- "$BIN" --db "$EMPTY" report -o "$WORK/empty.pdf"
pdftotext -enc UTF-8 "$WORK/empty.pdf" - | tr -s '\n ' '  ' >"$WORK/empty.txt"
has "Lesepaten ohne Stimmen" empty.txt
has "0,0 %" empty.txt "a share of 0,0 % without votes"
expect_exit 0 "workbook without votes" -- "$BIN" --db "$EMPTY" export all -o "$WORK/stick2"
EMPTY_EXPORT="$(sed 's/^exported to //' "$WORK/out")"

BIG="$WORK/big.db"
expect_exit 0 "10,000 ideas" -- "$BIN" --db "$BIG" demo --ideas 10000 --votes 30000
expect_exit 0 "report of 10,000 ideas" -- "$BIN" --db "$BIG" report -o "$WORK/big.pdf"
pdftotext -enc UTF-8 -f 1 -l 1 "$WORK/big.pdf" "$WORK/big.txt"
grep -qw "10\.000" "$WORK/big.txt" && pass || fail "the big report does not show 10.000 ideas"

HOSTILE="$WORK/hostile.db"
expect_exit 0 "hostile event" -- "$BIN" --db "$HOSTILE" event load "$SRC/assets/event.example.toml"
added=0
while IFS= read -r -d '' name && IFS= read -r -d '' text; do
  "$BIN" --db "$HOSTILE" idea add --title "$text" >/dev/null 2>&1 && added=$((added + 1))
done < <(python3 "$NASTY" argv)
[ "$added" -gt 50 ] && pass || fail "only $added hostile titles were accepted"
expect_exit 0 "hostile report" -- "$BIN" --db "$HOSTILE" report -o "$WORK/hostile.pdf" --top 1000
expect_exit 0 "hostile charts" -- "$BIN" --db "$HOSTILE" report --charts "$WORK/hostile-charts"
pdfinfo "$WORK/hostile.pdf" >/dev/null 2>&1 && pass || fail "the hostile report is no readable PDF"
pdftotext -enc UTF-8 "$WORK/hostile.pdf" - | tr -s '\n ' '  ' >"$WORK/hostile.txt"
# Titles that look like markup, SQL or format strings are printed as they are, never interpreted.
sqlite3 "$HOSTILE" "SELECT title FROM ideas WHERE status = 'published' AND (title LIKE '%<%' OR title LIKE '%DROP%'
  OR title LIKE '%\%s%' ESCAPE '\') AND title NOT GLOB '*[^ -~]*'" >"$WORK/literal.txt"
[ -s "$WORK/literal.txt" ] && pass || fail "no markup- or SQL-looking title was accepted"
while IFS= read -r title; do has "$(echo "$title" | tr -s ' ')" hostile.txt "the literal title '$title'"; done <"$WORK/literal.txt"
expect_exit 0 "hostile workbook" -- "$BIN" --db "$HOSTILE" export all -o "$WORK/stick3"
HOSTILE_EXPORT="$(sed 's/^exported to //' "$WORK/out")"

# [SECTION] LibreOffice reads each workbook's sheets as our CSV has them (one soffice run for all)
if command -v soffice >/dev/null; then
  mkdir -p "$WORK/lo"
  i=0
  for folder in "$EXPORT" "$EMPTY_EXPORT" "$HOSTILE_EXPORT"; do
    i=$((i + 1))
    cp "$folder/ideenkiosk.xlsx" "$WORK/lo/book$i.xlsx"
  done
  # Filter options: ',' '"' UTF-8, from line 1, …, cells as shown (times in our format), every sheet (-1).
  (cd "$WORK/lo" && timeout 300 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' book1.xlsx book2.xlsx \
    book3.xlsx >"$WORK/soffice.log" 2>&1) && pass || fail "soffice could not convert: $(cat "$WORK/soffice.log")"
  i=0
  for folder in "$EXPORT" "$EMPTY_EXPORT" "$HOSTILE_EXPORT"; do
    i=$((i + 1))
    for table in ideas votes sessions moderation; do
      if [ -f "$WORK/lo/book$i-$table.csv" ]; then
        python3 "$SRC/tests/e2e/compare_workbook.py" "$folder/$table.csv" "$WORK/lo/book$i-$table.csv" && pass ||
          fail "book$i's sheet $table differs from $table.csv"
      else
        fail "LibreOffice wrote no sheet $table of book$i: $(ls "$WORK/lo")"
      fi
    done
  done
else
  echo "SKIP (LibreOffice part): soffice missing (libreoffice-calc-nogui)"
fi

# [SECTION] Unwritable path, full disk: one line, no file
expect_exit 1 "report into a missing folder" -- k report -o "$WORK/missing/report.pdf"
expect_exit 1 "report into /proc" -- k report -o /proc/report.pdf
expect_exit 1 "workbook into a missing folder" -- k export ideas --format xlsx -o "$WORK/missing/ideas.xlsx"
if can_mount; then
  mount_tmpfs "$WORK/full" 16k
  cat /dev/zero >"$WORK/full/filler" 2>/dev/null  # fills it to the last block
  expect_exit 1 "report onto a full disk" -- k report -o "$WORK/full/report.pdf"
  grep -q "report.pdf" "$WORK/err" && pass || fail "the full-disk message does not name the file: $(cat "$WORK/err")"
  expect_exit 1 "workbook onto a full disk" -- k export ideas --format xlsx -o "$WORK/full/ideas.xlsx"
  [ "$(ls -A "$WORK/full")" = filler ] && pass || fail "a full disk kept a file: $(ls -A "$WORK/full")"
else
  echo "SKIP (full disk part): cannot mount a tmpfs here"
fi
finish
