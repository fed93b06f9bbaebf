"""The monkey test's driver: random taps (mostly on the elements of the automation file, some anywhere), drags,
physical keys and random Unicode text at a high rate on whatever screen the kiosk shows, the moderators' PIN
keypad and panel included (reached by holding the top-left corner; the right PIN is entered most of the time).
Afterwards the kiosk must never have crashed, its heartbeat must never have stopped, and its memory must not
have grown.

The monkey never presses "leave kiosk mode" (ctl:leave), the one button that ends the kiosk by design: taps on
elements skip it and taps at random points skip its rectangle. Should the kiosk still leave (a drag that ended
as a tap on it), that is an exit 0 after "kiosk mode left" in its log: counted as a leave, not a crash, and the
kiosk is started again.

usage: monkey.py BIN DB WORKDIR SECONDS SEED [PIN]
"""
import random
import sys
import time

from kiosk_driver import SCREEN_H, SCREEN_W, Kiosk, center, heartbeats, read_log, summary, x_flush, x_input, xdotool

HANG_SECONDS = 15          # heartbeats come every 5 s; three missed in a row is a hang
# Allowed growth after warm-up (the monkey adds a few ideas and sessions). Besides that, the kiosk's resident memory
# makes one step of 6.7-8.2 MB the first time some screen or input comes after the warm-up (seen on 30 Nov with the
# binaries before and after that day's changes, the same seed; not a leak: it does not grow again; its source is not
# found yet, it is not the submit flow, the panel, the language list, Arabic, contrast or large text). A leak that
# matters over 45 s grows on: 12 MiB still catches it.
RSS_MARGIN_KB = 12 * 1024
RSS_MARGIN_SHARE = 0.05    # … or this share of the warm RSS, whichever is larger

FORWARD = ("attract", "choose:", "category:", "next", "send", "thanks:next", "vote:", "similar:", "still_here", "retry")
NEVER = ("ctl:leave",)     # ends the kiosk process by design (see above)
CORNER = (15, 15)          # a still press here for PanelGate's 3 s opens the PIN keypad
HOLD_SECONDS = 3.6
FIRST_PANEL_VISIT = 8.0    # seconds after a kiosk started: one sure visit to the keypad and the panel

KEYS = ["Escape", "BackSpace", "Return", "KP_Enter", "Tab", "shift+Tab", "space", "Delete", "Left", "Right", "Up",
        "Down", "Home", "End", "Prior", "Next", "F1", "F11", "alt+F4", "ctrl+a", "ctrl+v", "ctrl+z", "ctrl+BackSpace",
        "super", "Menu", "a", "Z", "adiaeresis", "ssharp", "Caps_Lock", "Shift_L", "BackSpace BackSpace BackSpace"]

# Text from every corner: Turkish and German letters, other scripts, emoji (outside the 16-bit range ImGui keeps),
# combining marks, right-to-left, bidi overrides, zero-width and typographic characters, and plain ASCII.
ALPHABET = (list("abcxyzABCXYZ0123456789 .,;:!?'\"-_=+@#%&*()[]{}<>/\\|~^`$") +
            list("äöüÄÖÜßẞğĞşŞıİçÇéèêñ€„“”‚‘’–—…«»") +
            list("漢字かなカナ한국어АБВабвΩπ") + list("العربيةעברית") +
            ["😀", "👍🏽", "👨‍👩‍👧", "🇹🇷", "\u0301", "\u0308", "\u202e", "\u202d", "\u200b", "\u200d", "\ufeff", "\u00a0",
             "\u2028", "\t", "\n"])


def tappable(view):
    """Every element on screen, enabled or not, except the ones the monkey must never press."""
    return [e for e in Kiosk.elements(view, enabled=False) if e["id"] not in NEVER]


def forbidden(view, x, y):
    """Whether a point lies on a button the monkey must never press."""
    for e in view["elements"] if view else []:
        ex, ey, ew, eh = e["rect"]
        if e["id"] in NEVER and ex <= x < ex + ew and ey <= y < ey + eh:
            return True
    return False


class Monkey:
    def __init__(self, kiosk, rng, pin):
        self.kiosk, self.rng, self.pin = kiosk, rng, pin
        self.actions = 0
        self.screens = set()
        self.holds = 0
        self.pins = 0
        self.visit_at = time.monotonic() + FIRST_PANEL_VISIT

    def act(self):
        view = self.kiosk.view()
        if view:
            self.screens.add(view["screen"])
        if time.monotonic() >= self.visit_at and view and view["screen"] not in ("pin_pad", "moderation"):
            self.visit_at = float("inf") if "moderation" in self.screens else time.monotonic() + 10
            self.hold_corner()
            return
        if view and view["screen"] == "pin_pad" and self.rng.random() < 0.6:
            self.enter_pin(view)
            return
        roll = self.rng.random()
        if roll < 0.012:
            self.hold_corner()
        elif roll < 0.55 and view:
            self.tap_element(view)
        elif roll < 0.62 and view:
            self.double_tap(view)
        elif roll < 0.72:
            x, y = self.rng.randrange(SCREEN_W), self.rng.randrange(SCREEN_H)
            if not forbidden(view, x, y):
                Kiosk.tap_xy(x, y, pause=0)
        elif roll < 0.82:
            self.drag()
        elif roll < 0.91:
            x_input("key", "--delay", 5, self.rng.choice(KEYS))
        elif roll < 0.996:
            text = "".join(self.rng.choice(ALPHABET) for _ in range(self.rng.randint(1, 12)))
            xdotool("type", "--delay", 5, "--", text)
        else:
            time.sleep(self.rng.uniform(5.5, 7.5))  # a pause long enough for "Sind Sie noch da?"
        self.actions += 1
        time.sleep(self.rng.uniform(0.0, 0.06))

    def hold_corner(self):
        """A finger held still in the top-left corner: the moderators' keypad opens."""
        x_input("mousemove", *CORNER, "mousedown", 1, "sleep", HOLD_SECONDS, "mouseup", 1)
        time.sleep(HOLD_SECONDS + 0.2)
        self.holds += 1
        self.actions += 1

    def enter_pin(self, view):
        """The right PIN on the keypad, as a moderator enters it: first the taps still under way are let finish
        and the digits the monkey typed before are erased, then each digit is tapped and done before the next,
        then OK (the argon2 check takes a moment)."""
        x_flush()
        time.sleep(0.15)  # the frames that show what those taps did
        view = self.kiosk.view()
        if not view or view["screen"] != "pin_pad":
            return
        keys = {e["id"]: e for e in Kiosk.elements(view, enabled=False)}
        typed = view.get("panel", {}).get("digits", 0)
        for key in ["pin:erase"] * typed + ["pin:" + d for d in self.pin] + ["pin:ok"]:
            if key not in keys:
                return
            xdotool("mousemove", *center(keys[key]), "click", 1)  # its own process: done when it returns
            time.sleep(0.05)  # a frame between two taps, or they merge into one
            self.actions += 1
        self.pins += 1
        self.kiosk.wait_for(lambda v: v["screen"] != "pin_pad" or v.get("panel", {}).get("pin_message"), 3.0)

    def tap_element(self, view):
        # Every element, enabled or not, including the on-screen keyboard, the PIN keypad and the panel;
        # now and then a step forward, so the deeper screens (review, saving, thanks) are reached too.
        elements = tappable(view)
        forward = [e for e in elements if e["id"].startswith(FORWARD)]
        if forward and self.rng.random() < 0.3:
            elements = forward
        if elements:
            self.kiosk.tap_element(self.rng.choice(elements), pause=0)

    def double_tap(self, view):
        elements = tappable(view)
        if elements:
            x, y = center(self.rng.choice(elements))
            x_input("mousemove", x, y, "click", "--repeat", self.rng.randint(2, 3), "--delay", self.rng.randint(10, 80), 1)

    def drag(self):
        x, y = self.rng.randrange(SCREEN_W), self.rng.randrange(SCREEN_H)
        steps = []
        for _ in range(self.rng.randint(1, 6)):
            x = min(SCREEN_W - 1, max(0, x + self.rng.randint(-400, 400)))
            y = min(SCREEN_H - 1, max(0, y + self.rng.randint(-400, 400)))
            steps += ["mousemove", x, y, "sleep", 0.01]
        x_input("mousemove", self.rng.randrange(SCREEN_W), self.rng.randrange(SCREEN_H), "mousedown", 1, *steps, "mouseup", 1)


def memory(beats, warmup):
    """RSS of the first heartbeat after the warm-up, counted from the process's first heartbeat (after a crash
    the log is the next process's), and of the last one (kB), and the peak."""
    warm = [b for b in beats if b[0] >= beats[0][0] + warmup] or beats[-1:]
    return warm[0][1], beats[-1][1], max(b[1] for b in beats)


def main():
    binary, db, work, seconds, seed = sys.argv[1:6]
    pin = sys.argv[6] if len(sys.argv) > 6 else "2468"
    seconds = float(seconds)
    rng = random.Random(int(seed))
    problems, crashes, leaves, processes = [], 0, 0, 0
    screens, holds, pins = set(), 0, 0
    started = time.time()
    deadline = time.monotonic() + seconds
    kiosk = None
    monkey = None
    while time.monotonic() < deadline:
        if kiosk is None or not kiosk.alive():
            if kiosk is not None and kiosk.proc.returncode == 0 and "kiosk mode left" in read_log(kiosk.log_path):
                leaves += 1
                print(f"the kiosk left kiosk mode from the panel (log: {kiosk.log_path}); started again")
            elif kiosk is not None:
                crashes += 1
                problems.append(f"the kiosk ended with {kiosk.proc.returncode}; log: {kiosk.log_path}")
            processes += 1
            # No --allow-exit: Escape and Alt+F4 must not close a kiosk. A short idle timeout covers the idle reset.
            kiosk = Kiosk(binary, db, f"{work}/auto.json", f"{work}/monkey-{processes}.log", ["--idle-timeout", "5"])
            kiosk.start()
            if kiosk.wait_for(lambda v: True, 30) is None:
                problems.append("the kiosk showed no screen within 30 s")
                break
            if monkey:
                screens |= monkey.screens
                holds += monkey.holds
                pins += monkey.pins
            actions = monkey.actions if monkey else 0
            monkey = Monkey(kiosk, rng, pin)
            monkey.actions = actions
        monkey.act()
    ended = time.time()
    screens |= monkey.screens
    holds += monkey.holds
    pins += monkey.pins
    alive = kiosk.alive()
    beats = heartbeats(read_log(kiosk.log_path))
    gaps = [b[0] - a[0] for a, b in zip(beats, beats[1:])] + ([ended - beats[-1][0]] if beats else [])
    max_gap = max(gaps) if gaps else float("inf")
    hangs = 1 if max_gap > HANG_SECONDS or not beats else 0
    if hangs:
        problems.append(f"the heartbeat stopped: longest gap {max_gap:.1f} s (limit {HANG_SECONDS} s)")
    code = kiosk.stop() if alive else kiosk.proc.returncode
    if alive and code != 0:
        problems.append(f"the kiosk did not exit cleanly on SIGTERM (exit {code})")
    warm_kb, end_kb, peak_kb = memory(beats, max(20.0, seconds * 0.25)) if beats else (0, 0, 0)
    growth = end_kb - warm_kb
    allowed = max(RSS_MARGIN_KB, int(warm_kb * RSS_MARGIN_SHARE))
    print(f"{monkey.actions} actions in {ended - started:.0f} s on the screens {', '.join(sorted(screens))} "
          f"({holds} corner holds, {pins} PINs entered, {leaves} leaves); "
          f"{len(beats)} heartbeats, longest gap {max_gap:.1f} s; RSS after warm-up {warm_kb} kB, at the end {end_kb} kB "
          f"(growth {growth} kB, allowed {allowed} kB), peak {peak_kb} kB")
    if growth > allowed:
        problems.append(f"memory grew by {growth} kB after warm-up (allowed {allowed} kB)")
    if seconds >= FIRST_PANEL_VISIT + 15 and not {"pin_pad", "moderation"} <= screens:
        problems.append("the monkey never reached the PIN keypad and the moderation panel")
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    summary("monkey", seed=seed, seconds=int(ended - started), actions=monkey.actions, crashes=crashes, hangs=hangs,
            leaves=leaves, rss_warm_kb=warm_kb, rss_end_kb=end_kb, rss_growth_kb=growth, max_gap_s=f"{max_gap:.1f}",
            screens=len(screens), panel=int("moderation" in screens), problems=len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
