"""Drives a kiosk process with real X input (xdotool) through its automation file; reads what its log says.

The one implementation of tap, find, wait and read-value for every end-to-end test: the kill and monkey tests
import it, the shell tests call it as a command (tests/e2e/lib.sh wraps these):

    python3 kiosk_driver.py tap FILE ID [SECONDS]         click the middle of the enabled element ID, waiting up to
                                                          SECONDS (3) for it to appear; exit 1 if it does not
    python3 kiosk_driver.py screen FILE                   print the screen's name (nothing while there is no file)
    python3 kiosk_driver.py wait-screen FILE NAME [SECONDS]   exit 0 once FILE shows NAME, 1 after SECONDS (3)
    python3 kiosk_driver.py query FILE EXPRESSION         print EXPRESSION over the file's JSON `d`, as Python prints
                                                          it (e.g. 'd["totals"]["votes"]', 'sorted(i["number"] for i in
                                                          d["ideas"])'); nothing when the file is missing or half written

The automation file (`run --automation FILE`) lists the screen and every tappable element with its rectangle; the
log has a line for every commit and a heartbeat every few seconds.
"""
import datetime
import json
import os
import re
import signal
import subprocess
import sys
import time

SCREEN_W, SCREEN_H = 1920, 1080

_STAMP = re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\]")
_IDEA = re.compile(r"confirmed idea #(\d+) (\S+) in session (\S*)")
_VOTE = re.compile(r"confirmed vote (\S+) for idea (\S+) in session (\S+)")
_RETRACTION = re.compile(r"confirmed retraction for idea (\S+) in session (\S+)")
_HEARTBEAT = re.compile(r"heartbeat rss_kb=(\d+) frames=(\d+)")


def xdotool(*args):
    """One xdotool command as its own process (for `type`, whose text may hold anything, even newlines)."""
    subprocess.run(["xdotool", *map(str, args)], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


_xdotool_pipe = None


def x_input(*args):
    """One line to a long-lived `xdotool -`: each new xdotool process spends ~0.1 s opening the display, a line
    to a running one costs nothing, which is what makes a high rate of taps possible."""
    global _xdotool_pipe
    line = " ".join(map(str, args)) + "\n"
    for _ in range(2):
        if _xdotool_pipe is None or _xdotool_pipe.poll() is not None:
            _xdotool_pipe = subprocess.Popen(["xdotool", "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL, text=True)
        try:
            _xdotool_pipe.stdin.write(line)
            _xdotool_pipe.stdin.flush()
            return
        except BrokenPipeError:
            _xdotool_pipe = None


def x_flush(timeout=30):
    """Waits until the long-lived xdotool has carried out every line it was sent: it works through its input at
    its own pace (a drag holds it for a while), so a line written is not yet a tap done. It ends at the end of its
    input; the next x_input starts a new one."""
    global _xdotool_pipe
    pipe, _xdotool_pipe = _xdotool_pipe, None
    if pipe is None:
        return
    try:
        pipe.stdin.close()
    except OSError:
        pass
    try:
        pipe.wait(timeout)
    except subprocess.TimeoutExpired:
        pipe.kill()
        pipe.wait()


def center(element):
    x, y, w, h = element["rect"]
    return int(x + w / 2), int(y + h / 2)


def on_screen(element):
    """A real target: it has a size and its middle is on the display (the browse list draws rows off screen)."""
    x, y, w, h = element["rect"]
    cx, cy = center(element)
    return w > 0 and h > 0 and 0 <= cx < SCREEN_W and 0 <= cy < SCREEN_H


class Kiosk:
    """One `ideenkiosk run` process with its automation file and log."""

    def __init__(self, binary, db, automation, log_path, args=()):
        self.binary, self.db, self.automation, self.log_path = binary, db, automation, log_path
        self.args = list(args)
        self.proc = None

    def start(self):
        # A stale file from the previous process would look like a screen the new one has not drawn yet.
        if os.path.exists(self.automation):
            os.remove(self.automation)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen([self.binary, "--db", self.db, "run", "--automation", self.automation, *self.args],
                                         stdout=log, stderr=subprocess.STDOUT)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self, sig=signal.SIGKILL):
        if self.alive():
            self.proc.send_signal(sig)

    def stop(self, timeout=20):
        """SIGTERM and wait; the exit code, or None if it had to be killed."""
        self.kill(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def view(self):
        return read_view(self.automation)

    def screen(self):
        view = self.view()
        return view["screen"] if view else None

    def wait_for(self, predicate, timeout):
        """Polls the automation file until predicate(view) holds; the view, or None after the timeout."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            view = self.view()
            if view is not None and predicate(view):
                return view
            if not self.alive():
                return None
            time.sleep(0.02)
        return None

    @staticmethod
    def elements(view, prefix="", enabled=True):
        return [e for e in view["elements"]
                if e["id"].startswith(prefix) and (e["enabled"] or not enabled) and on_screen(e)]

    @staticmethod
    def label(view, element_id):
        return next((e["label"] for e in view["elements"] if e["id"] == element_id), None)

    def tap_element(self, element, pause=0.06):
        x, y = center(element)
        self.tap_xy(x, y, pause)

    @staticmethod
    def tap_xy(x, y, pause=0.06):
        x_input("mousemove", x, y, "click", 1)
        # Two clicks inside one frame would merge into one: give the kiosk time to draw a frame in between.
        time.sleep(pause)

    def tap(self, element_id, timeout=3.0):
        view = self.wait_for(lambda v: any(e["id"] == element_id for e in self.elements(v)), timeout)
        if view is None:
            return False
        self.tap_element(next(e for e in self.elements(view) if e["id"] == element_id))
        return True


# [SECTION] The log

def read_log(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def confirmed(text):
    """What the kiosk said it committed: ideas (number, id, session), votes (id, idea, session), retractions."""
    return {
        "ideas": _IDEA.findall(text),
        "votes": _VOTE.findall(text),
        "retractions": _RETRACTION.findall(text),
    }


def heartbeats(text):
    """(seconds since the epoch, rss_kb, frames) of every heartbeat line."""
    beats = []
    for line in text.splitlines():
        found = _HEARTBEAT.search(line)
        stamp = _STAMP.match(line)
        if found and stamp:
            at = datetime.datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
            beats.append((at, int(found.group(1)), int(found.group(2))))
    return beats


def summary(test, **figures):
    """One machine-readable line for scripts/soak.sh: 'SUMMARY test=kill rounds=12 …'."""
    print("SUMMARY test=" + test + "".join(f" {k}={v}" for k, v in figures.items()), flush=True)


# [SECTION] The command for shell tests

def read_view(path):
    """The automation file as JSON, or None while it is missing or half written."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def watch(path, out):
    """Until killed: one line "MTIME SCREEN" in out per change of the automation file, read in the same moment, so
    a slow test script still learns when each screen was drawn (the file is written right after its frame)."""
    seen = None
    while True:
        try:
            before = os.stat(path).st_mtime_ns
        except OSError:
            before = None
        if before is not None and before != seen:
            view = read_view(path)
            if view is not None and os.stat(path).st_mtime_ns == before:
                seen = before
                with open(out, "a", encoding="utf-8") as f:
                    f.write(f"{before / 1e9:.6f} {view['screen']}\n")
        time.sleep(0.005)


def find(view, element_id, enabled=True):
    """The element with this id (an enabled one unless enabled=False), or None."""
    return next((e for e in view["elements"] if e["id"] == element_id and (e["enabled"] or not enabled)), None)


def wait_view(path, predicate, timeout):
    """Polls the file until predicate(view) holds; the view, or None after the timeout."""
    end = time.monotonic() + timeout
    while True:
        view = read_view(path)
        if view is not None and predicate(view):
            return view
        if time.monotonic() >= end:
            return None
        time.sleep(0.05)


# What a query may call: the expressions of the tests read and sort values, nothing else.
_QUERY_NAMES = {"sorted": sorted, "str": str, "int": int, "len": len}


def query(view, expression):
    # Globals, not locals: a generator inside the expression sees only globals.
    return eval(expression, {"__builtins__": {}, **_QUERY_NAMES, "d": view})  # noqa: S307 (the tests' own text)


def main(argv):
    usage = ("usage: kiosk_driver.py tap FILE ID [SECONDS] | screen FILE | wait-screen FILE NAME [SECONDS] | query FILE EXPR"
             " | watch FILE OUT")
    if len(argv) < 2:
        print(usage, file=sys.stderr)
        return 2
    command, path, rest = argv[0], argv[1], argv[2:]
    if command == "tap" and len(rest) in (1, 2):
        view = wait_view(path, lambda v: find(v, rest[0]) is not None, float(rest[1]) if len(rest) > 1 else 3.0)
        if view is None:
            return 1
        x, y = center(find(view, rest[0]))
        xdotool("mousemove", x, y, "click", 1)
        return 0
    if command == "screen" and not rest:
        view = read_view(path)
        if view is not None:
            print(view["screen"])
        return 0
    if command == "wait-screen" and len(rest) in (1, 2):
        found = wait_view(path, lambda v: v["screen"] == rest[0], float(rest[1]) if len(rest) > 1 else 3.0)
        return 0 if found is not None else 1
    if command == "watch" and len(rest) == 1:
        watch(path, rest[0])
    if command == "query" and len(rest) == 1:
        view = read_view(path)
        if view is None:
            return 1
        print(query(view, rest[0]))
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
