#!/usr/bin/env python3
"""Layer check: fails when a source file includes a header its layer may not see (see docs in DESIGN.md)."""
# Usage: check_includes.py SOURCE_DIR     check the tree, print each violation, exit 1 if there is one
#        check_includes.py --self-test    prove on a scratch tree that each kind of violation is caught
import os
import re
import sys
import tempfile

SOURCE_EXTENSIONS = ('.h', '.hpp', '.cpp', '.cc', '.c', '.inl')
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')

# Named patterns, matched against the path inside #include <…>/"…".
IMGUI = ('ImGui', r'(^|/)imgui[^/]*\.h$|^imgui/|^backends/imgui')
IMGUI_INTERNAL = ('imgui_internal.h', r'(^|/)imgui_internal\.h$')
GLFW = ('GLFW', r'(^|/)GLFW/|imgui_impl_glfw')
GL = ('OpenGL', r'(^|/)(GL|GLES\d*|glad|epoxy)/|imgui_impl_opengl')
SQLITE = ('SQLite', r'(^|/)SQLiteCpp/|(^|/)sqlite3\.h$')
STORAGE = ('storage/', r'^storage/')
KIOSK = ('kiosk/', r'^kiosk/')
KIOSK_UI = ('kiosk/ui/', r'^kiosk/ui/')
KIOSK_APP = ('kiosk/app/', r'^kiosk/app/')
KIOSK_APP_WINDOW = ('kiosk/app/window/', r'^kiosk/app/window/')
KIOSK_APP_PRESENT = ('kiosk/app/present/', r'^kiosk/app/present/')
KIOSK_APP_CLI = ('kiosk/app/cli/', r'^kiosk/app/cli/')
SYNC_PHONES = ('sync/ or phones/', r'^(sync|phones)/')
REPORT = ('report/', r'^report/')
CAIRO_XLSX = ('cairo/pango/xlsxwriter', r'(^|/)(cairo|pango)[^/]*/|(^|/)xlsxwriter(\.h|/)')
SYNC = ('sync/', r'^sync/')
HTTP = ('cpp-httplib', r'(^|/)httplib\.h$')
NETWORK = ('HTTP/PostgreSQL', r'(^|/)httplib\.h$|(^|/)libpq-fe\.h$')

# Folder (relative to the source root, "/"-terminated) -> what no file below it may include. A folder that does
# not exist yet is simply not checked; its rule applies from the day it appears.
FOLDER_RULES = {
    'storage/': [IMGUI, GLFW, GL, KIOSK, SYNC_PHONES, NETWORK, REPORT, CAIRO_XLSX],
    # The results report and workbook: storage's figures drawn with cairo/pango, written with libxlsxwriter.
    'report/': [IMGUI, GLFW, GL, KIOSK, SYNC_PHONES, NETWORK],
    'kiosk/core/': [IMGUI, GLFW, GL, SQLITE, KIOSK_UI, KIOSK_APP],
    'kiosk/ui/': [STORAGE, SQLITE, GLFW, GL, KIOSK_APP, REPORT],
    'kiosk/app/cli/': [IMGUI, GLFW, GL, KIOSK_UI, KIOSK_APP_WINDOW, KIOSK_APP_PRESENT],
    # The headless app library: effects, store keeper, panel actions, export folder; no drawing at all.
    'kiosk/app/logic/': [IMGUI, GLFW, GL, SQLITE, KIOSK_UI, KIOSK_APP_WINDOW, KIOSK_APP_PRESENT, KIOSK_APP_CLI],
    # View models from the store: it may name kiosk/ui's model types, but draws nothing and opens no window.
    'kiosk/app/present/': [IMGUI, GLFW, GL, SQLITE, KIOSK_APP_WINDOW, KIOSK_APP_CLI],
    'kiosk/app/window/': [KIOSK_APP_CLI],
    # The venue sync: storage and libpq, never a window or the kiosk's layers.
    'sync/': [IMGUI, GLFW, GL, KIOSK],
    # The phone server knows the model and HTTP, never a window, the kiosk's code or the sync.
    'phones/': [IMGUI, GLFW, GL, KIOSK, SYNC],
    # cpp-httplib stays inside phones/: the kiosk starts the server through phones/server.h.
    'kiosk/': [HTTP],
}
# Only kiosk/app/window/ may touch GLFW and OpenGL.
WINDOW_FOLDER = 'kiosk/app/window/'
# Nowhere: Dear ImGui 1.86's internal header is not an API we may depend on.
EVERYWHERE = [IMGUI_INTERNAL]
SKIPPED_TOP_FOLDERS = ('build', 'out', '.git')


def rules_for(rel_path, root):
    rules = []
    for folder, forbidden in FOLDER_RULES.items():
        if rel_path.startswith(folder):
            rules.extend(forbidden)
    if not rel_path.startswith(WINDOW_FOLDER):
        rules.extend([GLFW, GL])
    rules.extend(EVERYWHERE)
    return rules


def check(root):
    """Returns the violations under root as "path:line: includes X (forbidden here: NAME)" lines."""
    violations = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == '.':
            dirnames[:] = [d for d in dirnames if d not in SKIPPED_TOP_FOLDERS and not d.startswith('.')]
        for name in sorted(filenames):
            if not name.endswith(SOURCE_EXTENSIONS):
                continue
            path = os.path.join(dirpath, name)
            rel_path = os.path.relpath(path, root).replace(os.sep, '/')
            rules = rules_for(rel_path, root)
            with open(path, encoding='utf-8', errors='replace') as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    included = m.group(1)
                    for rule_name, pattern in rules:
                        if re.search(pattern, included):
                            violations.append(f'{rel_path}:{number}: includes {included} '
                                              f'(forbidden here: {rule_name})')
                            break
    return violations


def self_test():
    """Each rule must catch its violation on a scratch tree, and a clean tree must pass."""
    cases = [
        ('storage/a.cpp', '#include "imgui.h"', True),
        ('storage/a.cpp', '#include "kiosk/core/state.h"', True),
        ('storage/a.cpp', '#include <SQLiteCpp/Database.h>', False),
        ('storage/a.cpp', '#include "report/report_data.h"', True),
        ('storage/a.cpp', '#include <cairo/cairo.h>', True),
        ('storage/a.cpp', '#include <xlsxwriter.h>', True),
        ('report/a.cpp', '#include "storage/stats.h"', False),
        ('report/a.cpp', '#include <pango/pangocairo.h>', False),
        ('report/a.cpp', '#include "kiosk/core/state.h"', True),
        ('report/a.cpp', '#include "imgui.h"', True),
        ('kiosk/core/a.h', '#include <SQLiteCpp/Statement.h>', True),
        ('kiosk/core/a.h', '#include <sqlite3.h>', True),
        ('kiosk/core/a.h', '#include "storage/types.h"', False),
        ('kiosk/ui/a.cpp', '#include "storage/text.h"', True),
        ('kiosk/ui/a.cpp', '#include "imgui_internal.h"', True),
        ('kiosk/ui/a.cpp', '#include "imgui.h"', False),
        ('kiosk/ui/a.cpp', '#include <GLFW/glfw3.h>', True),
        ('kiosk/app/cli/a.cpp', '#include "imgui.h"', True),
        ('kiosk/app/window_x.cpp', '#include <GLFW/glfw3.h>', True),
        ('kiosk/app/logic/a.cpp', '#include "imgui.h"', True),
        ('kiosk/app/logic/a.cpp', '#include "kiosk/ui/kiosk_view.h"', True),
        ('kiosk/app/logic/a.cpp', '#include "storage/store.h"', False),
        ('kiosk/app/present/a.cpp', '#include "kiosk/ui/kiosk_view.h"', False),
        ('kiosk/app/present/a.cpp', '#include "imgui.h"', True),
        ('kiosk/app/present/a.cpp', '#include <sqlite3.h>', True),
        ('kiosk/app/cli/a.cpp', '#include "kiosk/app/window/kiosk_loop.h"', True),
        ('kiosk/app/window/a.cpp', '#include "kiosk/app/cli/cli.h"', True),
        ('tests/ui/a.cpp', '#include <GL/gl.h>', True),
        ('tests/ui/a.cpp', '# include "imgui_internal.h"', True),
        ('kiosk/app/window/a.cpp', '#include <GL/gl.h>', False),
        ('kiosk/app/window/a.cpp', '#include "backends/imgui_impl_glfw.h"', False),
        ('sync/a.cpp', '#include "kiosk/core/state.h"', True),
        ('sync/a.cpp', '#include "imgui.h"', True),
        ('sync/a.cpp', '#include <libpq-fe.h>', False),
        ('sync/a.cpp', '#include "storage/store.h"', False),
        ('storage/a.cpp', '#include <libpq-fe.h>', True),
        ('phones/a.cpp', '#include "imgui.h"', True),
        ('phones/a.cpp', '#include "kiosk/core/state.h"', True),
        ('phones/a.cpp', '#include <httplib.h>', False),
        ('phones/a.cpp', '#include "storage/store.h"', False),
        ('kiosk/app/cli/a.cpp', '#include <httplib.h>', True),
        ('kiosk/app/cli/a.cpp', '#include "phones/server.h"', False),
    ]
    failures = []
    for rel_path, line, expect_violation in cases:
        with tempfile.TemporaryDirectory() as root:
            path = os.path.join(root, rel_path)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write('// scratch\n' + line + '\n')
            found = bool(check(root))
            if found != expect_violation:
                failures.append(f'{rel_path}: {line!r}: expected {"a violation" if expect_violation else "none"}')
    for failure in failures:
        print('SELF-TEST FAILED:', failure)
    return 1 if failures else 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        return self_test()
    if len(sys.argv) != 2:
        print('usage: check_includes.py SOURCE_DIR | --self-test', file=sys.stderr)
        return 2
    violations = check(sys.argv[1])
    for v in violations:
        print(v)
    if violations:
        print(f'{len(violations)} forbidden include(s); the layers are described in DESIGN.md', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
