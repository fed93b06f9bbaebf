#!/usr/bin/env python3
"""Fails when a doctest TEST_CASE name would not survive CTest registration.

doctest_discover_tests puts each name into a CMake list, so a ';' cuts it short; the shortened name then matches
no test case, and doctest reports success with nothing run. This happened to eight of our cases unnoticed.
"""
import pathlib
import re
import sys

NAME = re.compile(r'TEST_CASE\(\s*"((?:[^"\\]|\\.)*)"')


def bad_names(root):
    for path in sorted(pathlib.Path(root).rglob("*.cpp")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name in NAME.findall(line):
                if ";" in name:
                    yield f"{path}:{number}: a ';' in the test name \"{name}\" makes CTest run nothing; use ',' or ':'"


if __name__ == "__main__":
    problems = list(bad_names(sys.argv[1]))
    print("\n".join(problems) if problems else "every test name survives CTest registration")
    sys.exit(1 if problems else 0)
