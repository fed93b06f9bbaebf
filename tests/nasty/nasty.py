#!/usr/bin/env python3
"""The corpus of nasty strings (strings.txt) for shell tests and the fuzzers' seeds.

  nasty.py argv          NAME and TEXT of every entry as NUL-terminated records (NULs dropped from TEXT,
                         since a command-line argument cannot hold one)
  nasty.py files DIR     DIR/NAME.txt with the raw bytes of each string
  nasty.py csv DIR       DIR/NAME.csv: ideas in the excel-de dialect with the string as title, description
                         and author (one row each)
  nasty.py toml DIR      DIR/NAME.toml: an event with the string as its title and a category's name
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def code_point(cp):
    # The UTF-8 way even for surrogates, like tests/nasty/nasty.h.
    if cp < 0x80:
        return bytes([cp])
    if cp < 0x800:
        return bytes([0xC0 | cp >> 6, 0x80 | cp & 0x3F])
    if cp < 0x10000:
        return bytes([0xE0 | cp >> 12, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F])
    return bytes([0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F])


def decode(text):
    data = text.encode("utf-8")
    out = bytearray()
    unit = 0
    groups = []
    i = 0
    simple = {ord("\\"): b"\\", ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("0"): b"\0"}
    while i < len(data):
        c = data[i]
        if c != ord("\\"):
            length = 4 if c >= 0xF0 else 3 if c >= 0xE0 else 2 if c >= 0xC0 else 1
            unit = len(out)
            out += data[i:i + length]
            i += length
            continue
        e = data[i + 1]
        i += 2
        before = len(out)
        if e in simple:
            out += simple[e]
        elif e == ord("x"):
            out.append(int(data[i:i + 2], 16))
            i += 2
        elif e == ord("u"):
            close = data.index(b"}", i)
            out += code_point(int(data[i + 1:close], 16))
            i = close + 1
        elif e == ord("("):
            groups.append(len(out))
            continue
        elif e == ord(")"):
            unit = groups.pop()
            continue
        elif e == ord("{"):
            close = data.index(b"}", i)
            count = int(data[i:close])
            i = close + 1
            out += bytes(out[unit:]) * (count - 1)
            continue
        else:
            raise ValueError("unknown escape \\%c in %r" % (e, text))
        unit = before
    return bytes(out)


def load():
    entries = []
    with open(os.path.join(HERE, "strings.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            name, text = line.split("|", 1)
            entries.append((name, decode(text)))
    return entries


def csv_field(raw):
    # excel-de quoting done by hand on bytes, so text that is not UTF-8 reaches the importer unchanged.
    return b'"' + raw.replace(b'"', b'""') + b'"'


def toml_string(raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8: written raw; the loader has to refuse the file.
        return b'"' + raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n") + b'"'
    out = []
    for ch in text:
        cp = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif (cp < 0x20 and ch != "\t") or cp == 0x7F:
            out.append("\\u%04X" % cp)
        elif 0xD800 <= cp <= 0xDFFF:
            out.append("?")
        else:
            out.append(ch)
    return ('"' + "".join(out) + '"').encode("utf-8")


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    entries = load()
    if command == "argv":
        out = sys.stdout.buffer
        for name, raw in entries:
            out.write(name.encode() + b"\0" + raw.replace(b"\0", b"") + b"\0")
        return
    if command not in ("files", "csv", "toml") or len(sys.argv) != 3:
        sys.exit(__doc__)
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    for name, raw in entries:
        if command == "files":
            body, suffix = raw, ".txt"
        elif command == "csv":
            rows = [[b"title", b"description", b"author"], [raw, b"", b""], [b"Idee", raw, b""],
                    [b"Noch eine Idee", b"", raw]]
            body = b"\xef\xbb\xbf" + b"".join(b";".join(csv_field(c) for c in row) + b"\r\n" for row in rows)
            suffix = ".csv"
        else:
            body = (b"title = " + toml_string(raw) + b'\nvote_budget = 5\n\n[[categories]]\nkey = "begegnung"\n'
                    b"names = { de = " + toml_string(raw) + b', en = "Meeting" }\n')
            suffix = ".toml"
        with open(os.path.join(folder, name + suffix), "wb") as f:
            f.write(body)


if __name__ == "__main__":
    main()
