#!/usr/bin/env python3
"""Checks the cell types of the ideas sheet in a workbook written by ideenkiosk: number, votes and kiosk_seq are
numbers, created_at a date (a number with a date format), title and id text cells.

  workbook_types.py BOOK.xlsx
"""
import re
import sys
import zipfile

COLUMNS = {'A': 'number', 'B': 'id', 'C': 'title', 'I': 'votes', 'J': 'created_at', 'P': 'kiosk_seq'}
EXPECTED = {'number': 'n', 'votes': 'n', 'kiosk_seq': 'n', 'created_at': 'date', 'id': 'text', 'title': 'text'}


def main():
    book = zipfile.ZipFile(sys.argv[1])
    sheet = book.read('xl/worksheets/sheet1.xml').decode('utf-8')
    styles = book.read('xl/styles.xml').decode('utf-8')
    problems = []
    if '<pane ' not in sheet or 'state="frozen"' not in sheet:
        problems.append('the header row is not frozen')
    if '<autoFilter ' not in sheet:
        problems.append('no autofilter')
    if 'yyyy-mm-dd hh:mm:ss.000' not in styles:
        problems.append('no date format')
    seen = 0
    for ref, attrs in re.findall(r'<c r="([A-Z]+)(?:[2-9]|\d\d+)"([^>]*)>', sheet):
        name = COLUMNS.get(ref)
        if not name:
            continue
        seen += 1
        kind = 't="inlineStr"' in attrs or 't="s"' in attrs
        if EXPECTED[name] == 'text' and not kind:
            problems.append(f'{name} is not a text cell: {attrs}')
        if EXPECTED[name] in ('n', 'date') and ('t=' in attrs):
            problems.append(f'{name} is not a number: {attrs}')
        if EXPECTED[name] == 'date' and ' s=' not in attrs:
            problems.append(f'{name} has no date format: {attrs}')
        if '<f>' in attrs:
            problems.append(f'{name} holds a formula')
    if '<f>' in sheet:
        problems.append('a cell holds a formula')
    if seen == 0:
        problems.append('no data cells found')
    for p in problems[:10]:
        print(f'{sys.argv[1]}: {p}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
