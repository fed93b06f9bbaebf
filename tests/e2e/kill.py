"""The kill test's driver: an attendee submits ideas (typed on the on-screen keyboard) and votes while the kiosk
is SIGKILLed at random moments and restarted; afterwards every action the kiosk confirmed in its log must be in
the database, once.

usage: kill.py BIN DB WORKDIR SECONDS MAX_ROUNDS SEED
"""
import random
import signal
import sqlite3
import sys
import threading
import time

from kiosk_driver import Kiosk, confirmed, read_log, summary

LETTERS = "abcdefghijklmnoprstuvwz"  # on the German, Turkish and English layouts alike
START_TIMEOUT = 30                   # seconds until a restarted kiosk must show its first screen


class Attendee:
    """Looks at the screen and does one plausible thing: the whole submit wizard, or votes and undos."""

    def __init__(self, kiosk, rng, used_titles, on_commit_tap=lambda: None):
        self.kiosk, self.rng, self.used = kiosk, rng, used_titles
        self.on_commit_tap = on_commit_tap  # called right after a tap that makes the kiosk commit
        self.title = None
        self.unexpected = []
        self.last_screen = None

    def step(self):
        view = self.kiosk.view()
        if view is None:
            time.sleep(0.05)
            return
        if view["idle_warning"]:
            self.kiosk.tap("still_here", 1)
            return
        self.last_screen = view["screen"]
        getattr(self, "on_" + view["screen"], self.on_other)(view)

    def tap_and_wait(self, element, view, timeout=2.0):
        """Taps, then waits until the automation file shows the change (so no tap is lost or doubled)."""
        before = view["elements"], view["screen"]
        self.kiosk.tap_element(element)
        self.kiosk.wait_for(lambda v: (v["elements"], v["screen"]) != before, timeout)

    def tap_any(self, view, prefix):
        # A prefix ending in ':' means any of a kind (vote:3, category:sprache); anything else is one element:
        # "key:e" must not press "key:enter", nor "key:s" the space bar.
        choices = [e for e in Kiosk.elements(view, prefix) if prefix.endswith(":") or e["id"] == prefix]
        if choices:
            element = self.rng.choice(choices)
            if prefix in ("send", "vote:", "undo:"):
                self.kiosk.tap_element(element, pause=0)
                self.on_commit_tap()
                self.kiosk.wait_for(lambda v: v["elements"] != view["elements"], 2.0)
            else:
                self.tap_and_wait(element, view)
        return bool(choices)

    def on_attract(self, view):
        self.tap_any(view, "attract")

    def on_start(self, view):
        if self.rng.random() < 0.5 and self.tap_any(view, "choose:submit"):
            return
        self.tap_any(view, "choose:browse")

    def on_browse(self, view):
        roll = self.rng.random()
        if roll < 0.55:
            self.tap_any(view, "vote:") or self.tap_any(view, "done")
        elif roll < 0.75:
            self.tap_any(view, "undo:")
        elif roll < 0.85:
            self.tap_any(view, "order:")
        else:
            self.tap_any(view, "done")

    def on_submit_category(self, view):
        self.tap_any(view, "category:")

    def on_submit_title(self, view):
        typed = Kiosk.label(view, "field") or ""
        if self.title is None or not self.title.startswith(typed):
            if typed:
                self.tap_any(view, "key:backspace")
                return
            self.title = self.new_title()
        if typed == self.title:
            self.title = None
            self.tap_any(view, "next")
            return
        self.tap_any(view, "key:" + self.title[len(typed)].lower())

    def new_title(self):
        while True:
            # The keyboard capitalises a title's first letter by itself (never an i: Turkish makes it İ).
            title = self.rng.choice(LETTERS.replace("i", "")).upper() + "".join(self.rng.choice(LETTERS) for _ in range(4))
            if title not in self.used:
                self.used.add(title)
                return title

    def on_submit_description(self, view):
        self.tap_any(view, "next")

    on_submit_name = on_submit_description
    on_submit_similar = on_submit_description

    def on_submit_review(self, view):
        self.tap_any(view, "send")

    def on_saving(self, view):
        time.sleep(0.05)

    def on_thanks(self, view):
        self.tap_any(view, "thanks:next" if self.rng.random() < 0.5 else "done")

    def on_detail(self, view):
        self.tap_any(view, "back")

    def on_other(self, view):
        # No fault is injected here: the trouble screen (or an unknown one) is a finding.
        self.unexpected.append(view["screen"])
        time.sleep(0.2)


def run_rounds(binary, db, work, seconds, max_rounds, rng):
    used, stats = set(), {"rounds": 0, "crashes": 0, "hangs": 0, "unexpected": []}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and stats["rounds"] < max_rounds:
        stats["rounds"] += 1
        kiosk = Kiosk(binary, db, f"{work}/auto.json", f"{work}/kiosk-{stats['rounds']}.log", ["--allow-exit"])
        started = time.monotonic()
        kiosk.start()
        if kiosk.wait_for(lambda v: True, START_TIMEOUT) is None:
            stats["crashes" if not kiosk.alive() else "hangs"] += 1
            print(f"round {stats['rounds']}: the kiosk showed no screen within {START_TIMEOUT} s", file=sys.stderr)
            kiosk.kill()
            kiosk.proc.wait()
            continue
        shown = time.monotonic()
        # Most rounds end at a random moment; some aim at the few milliseconds in which a commit is under way.
        life = rng.uniform(0.5, 10.0)
        killed = threading.Event()
        how = []

        def kill(reason):
            if not killed.is_set():
                how.append(reason)
                killed.set()
                kiosk.kill(signal.SIGKILL)

        timer = threading.Timer(life, kill, ["at a random moment"])
        timer.start()
        aim = rng.random() < 0.3
        aimed_delay = rng.uniform(0.0, 0.04)

        def on_commit_tap():
            if aim and not killed.is_set():
                time.sleep(aimed_delay)
                kill(f"{aimed_delay * 1000:.0f} ms after a tap that commits")

        attendee = Attendee(kiosk, random.Random(rng.random()), used, on_commit_tap)
        while kiosk.alive():
            attendee.step()
        timer.cancel()
        kiosk.proc.wait()
        print(f"round {stats['rounds']}: first screen after {shown - started:.1f} s, SIGKILL "
              f"{time.monotonic() - shown:.1f} s later on {attendee.last_screen}, {how[0] if how else 'never sent'}")
        if not killed.is_set() or kiosk.proc.returncode != -signal.SIGKILL:
            stats["crashes"] += 1
            print(f"round {stats['rounds']}: the kiosk ended by itself with {kiosk.proc.returncode}", file=sys.stderr)
        stats["unexpected"] += attendee.unexpected
    return stats


def verify(db, logs):
    """Every confirmed action is in the database, nothing is in it twice; returns (said, total, found, duplicated,
    problems)."""
    said = {"ideas": [], "votes": [], "retractions": []}
    for log in logs:
        for kind, rows in confirmed(read_log(log)).items():
            said[kind] += rows
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda sql, *args: con.execute(sql, args).fetchone()[0]
    problems = []
    found = duplicated = 0
    for number, idea_id, session in said["ideas"]:
        if one("SELECT count(*) FROM ideas WHERE id = ? AND number = ? AND coalesce(session_id, '') = ?",
               idea_id, int(number), session) == 1:
            found += 1
        else:
            problems.append(f"confirmed idea #{number} {idea_id} is not in the database")
    for vote_id, idea_id, session in said["votes"]:
        if one("SELECT count(*) FROM votes WHERE id = ? AND idea_id = ? AND session_id = ? AND kind = 'vote'",
               vote_id, idea_id, session) == 1:
            found += 1
        else:
            problems.append(f"confirmed vote {vote_id} is not in the database")
    for idea_id, session in said["retractions"]:
        if one("SELECT count(*) FROM votes WHERE idea_id = ? AND session_id = ? AND kind = 'retract'", idea_id, session) >= 1:
            found += 1
        else:
            problems.append(f"confirmed retraction for idea {idea_id} in session {session} is not in the database")
    # Titles are unique by construction, so a title stored twice is one submission saved twice.
    for title, count in con.execute("SELECT title, count(*) FROM ideas GROUP BY title HAVING count(*) > 1"):
        problems.append(f"idea '{title}' is stored {count} times")
        duplicated += count - 1
    for session, idea_id, count in con.execute(
            "SELECT session_id, idea_id, count(*) FROM votes v WHERE kind = 'vote' AND NOT EXISTS "
            "(SELECT 1 FROM votes r WHERE r.retracts = v.id) GROUP BY session_id, idea_id HAVING count(*) > 1"):
        problems.append(f"session {session} has {count} live votes for idea {idea_id}")
        duplicated += count - 1
    # A kill between a commit and its log line leaves one unconfirmed row; more than one per round would mean
    # rows the kiosk never meant to write.
    unconfirmed = one("SELECT count(*) FROM ideas WHERE session_id IS NOT NULL") - len(said["ideas"]) + \
        one("SELECT count(*) FROM votes WHERE kind = 'vote'") - len(said["votes"])
    if unconfirmed > len(logs):
        problems.append(f"{unconfirmed} ideas and votes were stored without a confirmation in {len(logs)} rounds")
    ids = [row[1] for row in said["ideas"]] + [row[0] for row in said["votes"]]
    if len(ids) != len(set(ids)):
        problems.append("the log confirms one id twice")
    con.close()
    total = len(said["ideas"]) + len(said["votes"]) + len(said["retractions"])
    return said, total, found, duplicated, problems


def main():
    binary, db, work, seconds, max_rounds, seed = sys.argv[1:7]
    rng = random.Random(int(seed))
    stats = run_rounds(binary, db, work, float(seconds), int(max_rounds), rng)
    logs = [f"{work}/kiosk-{n}.log" for n in range(1, stats["rounds"] + 1)]
    said, total, found, duplicated, problems = verify(db, logs)
    print(f"{stats['rounds']} rounds, each ended by SIGKILL; confirmed {len(said['ideas'])} ideas, {len(said['votes'])} votes, "
          f"{len(said['retractions'])} retractions; {found} of {total} found in the database")
    if stats["unexpected"]:
        problems.append(f"unexpected screens without any fault: {sorted(set(stats['unexpected']))}")
    if stats["crashes"] or stats["hangs"]:
        problems.append(f"{stats['crashes']} crashes and {stats['hangs']} hangs of the kiosk")
    if total == 0:
        problems.append("the kiosk confirmed nothing: the test proved nothing")
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    summary("kill", seed=seed, rounds=stats["rounds"], confirmed=total, found=found, lost=total - found,
            duplicated=duplicated, crashes=stats["crashes"], hangs=stats["hangs"], problems=len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
