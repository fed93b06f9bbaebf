#!/usr/bin/env python3
"""Compares LibreOffice's CSV of one workbook sheet with our own excel-de CSV export of the same table.

  compare_workbook.py OURS.csv LIBREOFFICE.csv

Our CSV escapes formula-looking text with a leading "'" and writes times as ISO 8601 with the offset; the
workbook holds the text as it is and the times as dates shown as "YYYY-MM-DD hh:mm:ss.000" in the same zone.
Everything else must be equal, cell for cell. Prints the first differences and exits 1 when there are any.
"""
import csv
import re
import sys

TIMESTAMP = re.compile(r'^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d\.\d{3})[+-]\d\d:\d\d$')
FORMULA_START = ('=', '+', '-', '@', '\t', '\r')


def unescape(text):
    # The inverse of storage::escapeFormula: one "'" before a run of "'" that ends in a formula character.
    stripped = text.lstrip("'")
    if text.startswith("'") and stripped[:1] in FORMULA_START:
        return text[1:]
    return text


def ours(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, delimiter=';'))
    out = []
    for row in rows:
        cells = []
        for cell in row:
            m = TIMESTAMP.match(cell)
            cells.append(f'{m.group(1)} {m.group(2)}' if m else unescape(cell))
        out.append(cells)
    return out


def theirs(path):
    with open(path, encoding='utf-8', newline='') as f:
        return [row for row in csv.reader(f, delimiter=',')]


def main():
    a, b = ours(sys.argv[1]), theirs(sys.argv[2])
    problems = []
    if len(a) != len(b):
        problems.append(f'{len(a)} rows in our CSV, {len(b)} in LibreOffice\'s')
    for r, (row_a, row_b) in enumerate(zip(a, b), 1):
        # LibreOffice leaves out trailing empty cells of a row.
        width = max(len(row_a), len(row_b))
        row_a += [''] * (width - len(row_a))
        row_b += [''] * (width - len(row_b))
        for c, (x, y) in enumerate(zip(row_a, row_b), 1):
            # CSV keeps a text's line ends as written; a cell's CR LF is LF in the spreadsheet's own CSV.
            if x.replace('\r\n', '\n') != y.replace('\r\n', '\n'):
                problems.append(f'row {r} column {c}: ours {x!r}, LibreOffice {y!r}')
    for p in problems[:10]:
        print(f'{sys.argv[2]}: {p}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
