"""Walks the real kiosk through every screen on the current X display and keeps a screenshot of each.

Called by scripts/screenshots.sh once per display size (the display is already running at that size). It taps
by element id through the automation file (tests/e2e/kiosk_driver.py), types with a physical keyboard
(xdotool type), asks for screenshots with SIGUSR1, and names each PNG `<screen>_<language>_<W>x<H>.png`.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
import kiosk_driver as kd  # noqa: E402

# What an attendee types in each language; each title is close to a demo idea, so "similar ideas" shows. Only
# letters of that language's on-screen keyboard: those outside ASCII are tapped there (xdotool cannot type them
# into the kiosk under Xvfb), the rest comes from a physical keyboard.
TYPED = {
    "de": ("Hausaufgabenhilfe für Grundschüler im Gemeindehaus",
           "Ältere Schülerinnen helfen Jüngeren, zweimal in der Woche.", "Jürgen Öztürk"),
    "tr": ("Kadınlar için Almanca kursu, akşamları",
           "Anneler kursa gidebilsin diye çocuklara bakılsın.", "Ayşe Yılmaz"),
    "en": ("Language tandem app for all of Herten",
           "Fix bikes, clothes and toasters together on Saturdays.", "Sam Miller"),
    "ar": ("دروس لغة ألمانية للأمهات في Herten",
           "الأطفال يلعبون في الغرفة المجاورة، كل يوم ثلاثاء.", "فاطمة العلي"),
    "ru": ("Разговорный клуб для соседей в Хертене",
           "Каждый четверг вечером пьём чай и говорим по-немецки.", "Ольга Смирнова"),
    "uk": ("Мовне кафе для сусідів у Гертені",
           "Щочетверга ввечері разом п’ємо чай і говоримо німецькою.", "Олена Ковальчук"),
    "pl": ("Kawiarenka językowa dla sąsiadów w Herten",
           "W każdy czwartek wieczorem pijemy herbatę i mówimy po niemiecku.", "Małgorzata Wójcik"),
    "ku": ("Kafeya zimanan ji bo cîranan li Hertenê",
           "Her pêncşemê êvarê em bi hev re çayê vedixwin û bi almanî diaxivin.", "Rojîn Şêxo"),
}
# The kiosk's languages in the order of its language list (the [language] order of assets/i18n/<code>.toml).
LANGUAGES = ["de", "tr", "en", "ru", "uk", "pl", "ku", "ar"]
# Capitals outside ASCII: shift, then the key of the small letter (Turkish İ is shift + i). Arabic has no
# capitals, but its hamza forms and comma sit on the shift page of the Arabic keyboard the same way.
SMALL = {"Ä": "ä", "Ö": "ö", "Ü": "ü", "Ğ": "ğ", "Ş": "ş", "Ç": "ç", "İ": "i", "أ": "ا", "إ": "غ", "آ": "ى", "،": "ن"}


class Shooter:
    def __init__(self, args):
        self.args = args
        self.width, self.height = (int(v) for v in args.size.split("x"))
        kd.SCREEN_W, kd.SCREEN_H = self.width, self.height
        self.shot = os.path.join(args.work, "current.png")
        self.taken = []
        self.missed = []

    def name(self, screen, language):
        return f"{screen}_{language}_{self.width}x{self.height}.png"

    def shoot(self, process, screen, language):
        """Asks `process` for a screenshot (SIGUSR1) and keeps it as <screen>_<language>_<size>.png."""
        if os.path.exists(self.shot):
            os.remove(self.shot)
        time.sleep(0.4)  # the frames after a change are drawn
        process.send_signal(signal.SIGUSR1)
        size, stable = -1, 0
        for _ in range(100):
            time.sleep(0.1)
            now = os.path.getsize(self.shot) if os.path.exists(self.shot) else -1
            stable = stable + 1 if now > 0 and now == size else 0
            size = now
            if stable >= 2:
                break
        if size <= 0:
            self.missed.append(self.name(screen, language))
            print(f"  no screenshot of {screen} ({language})", file=sys.stderr)
            return
        target = os.path.join(self.args.out, self.name(screen, language))
        shutil.move(self.shot, target)
        self.taken.append(target)
        print(f"  {os.path.basename(target)}")

    def wanted(self, screen):
        return not self.args.main_only or screen in MAIN_SCREENS


# The order the projector turns through its languages (core::kioskLanguages) and how long each turn lasts
# (ProjectorView::kTurnSeconds).
PROJECTOR_TURNS = ["de", "de-einfach", "tr", "en", "ru", "uk", "pl", "ku", "ar"]
PROJECTOR_TURN_SECONDS = 8.0
MAIN_SCREENS = {"attract", "start", "browse", "submit_category", "submit_title", "thanks", "projector"}


def expect(kiosk, *screens, timeout=8.0):
    view = kiosk.wait_for(lambda v: v.get("screen") in screens, timeout)
    if view is None:
        raise RuntimeError(f"expected screen {' or '.join(screens)}, on {kiosk.screen()}")
    return view


def tap(kiosk, element_id):
    if not kiosk.tap(element_id, timeout=5.0):
        raise RuntimeError(f"no element {element_id} on screen {kiosk.screen()}")
    kd.x_flush()


def tap_first(kiosk, prefix):
    view = kiosk.wait_for(lambda v: kd.Kiosk.elements(v, prefix), 5.0)
    if view is None:
        raise RuntimeError(f"no element {prefix}… on screen {kiosk.screen()}")
    kiosk.tap_element(kd.Kiosk.elements(view, prefix)[0])
    kd.x_flush()


def type_text(kiosk, text):
    """ASCII through a physical keyboard (xdotool type), other letters by tapping the on-screen keyboard."""
    chunk = ""
    typed = ""  # what the field shows so far: taps and keys must not overtake each other on a loaded machine

    def caught_up():
        field = lambda v: next((e.get("label", "") for e in v.get("elements", []) if e.get("id") == "field"), "")
        kiosk.wait_for(lambda v: field(v).endswith(typed), 5.0)

    for ch in text + "\0":
        if ch != "\0" and ord(ch) < 128:
            chunk += ch
            continue
        if chunk:
            caught_up()
            typed += chunk
            kd.xdotool("type", "--delay", "20", chunk)
            caught_up()
            chunk = ""
        if ch == "\0":
            break
        typed += ch
        if ch in SMALL:
            tap(kiosk, "key:shift")
            ch = SMALL[ch]
        elif ch.isupper():  # Cyrillic and Polish capitals: shift, then the small letter's key
            tap(kiosk, "key:shift")
            ch = ch.lower()
        tap(kiosk, "key:" + ch)
        time.sleep(0.15)
    time.sleep(0.3)


def kiosk_screens(s, binary, db):
    """Attract in each language, then one attendee per language through browse, submit and the idle question,
    then the PIN keypad and the moderators' panel."""
    automation = os.path.join(s.args.work, "kiosk.json")
    log = os.path.join(s.args.work, "kiosk.log")
    kiosk = kd.Kiosk(binary, db, automation, log,
                     ["--allow-exit", "--idle-timeout", str(s.args.idle_timeout), "--screenshot", s.shot])
    kiosk.start()
    try:
        expect(kiosk, "attract", timeout=30)
        if s.args.only_moderators:
            moderators(s, kiosk)
            return
        started = time.monotonic()
        # The attract screen turns its invitation through the languages, six seconds each, from the start.
        for language in s.args.languages:
            delay = started + 2.5 + 6 * LANGUAGES.index(language) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            s.shoot(kiosk.proc, "attract", language)
        for language in s.args.languages:
            attendee(s, kiosk, language)
            if s.args.reading:
                reading_switches(s, kiosk, language)
        if not s.args.main_only:
            moderators(s, kiosk)
    finally:
        kiosk.stop()


def choose_language(kiosk, language):
    """Opens the language list, picks `language` and waits until the list has closed (already in that language,
    the language alone does not tell that the tap arrived)."""
    tap(kiosk, "languages")
    tap(kiosk, "lang:" + language)
    if kiosk.wait_for(lambda v: v.get("language") == language and
                      not any(e.get("id", "").startswith("lang:") for e in v.get("elements", [])), 5.0) is None:
        raise RuntimeError(f"the language list did not close after choosing {language}")


def switch(kiosk, element_id, key, on):
    """Taps a reading switch and waits until the kiosk says it is `on`."""
    tap(kiosk, element_id)
    if kiosk.wait_for(lambda v: v.get(key) == on, 5.0) is None:
        raise RuntimeError(f"{element_id} did not switch {key} to {on}")


def go(kiosk, element, screen):
    """Taps the element and waits for the screen it leads to."""
    tap(kiosk, element)
    return expect(kiosk, screen)


def start_in(kiosk, language):
    """From the attract screen to the start screen, speaking the language."""
    expect(kiosk, "attract")
    go(kiosk, "attract", "start")
    choose_language(kiosk, language)


def to_title(s, kiosk, language, title, variant=""):
    """From the start screen to a typed title, shooting the category and title screens ("<screen><variant>_…")."""
    go(kiosk, "choose:submit", "submit_category")
    s.shoot(kiosk.proc, "submit_category" + variant, language)
    tap_first(kiosk, "category:")
    expect(kiosk, "submit_title")
    type_text(kiosk, title)
    s.shoot(kiosk.proc, "submit_title" + variant, language)


def attendee(s, kiosk, language):
    title, description, author = TYPED[language]
    start_in(kiosk, language)
    if s.wanted("languages"):  # the language list, opened again now that it speaks the language
        tap(kiosk, "languages")
        s.shoot(kiosk.proc, "languages", language)
        tap(kiosk, "languages:close")
    s.shoot(kiosk.proc, "start", language)

    go(kiosk, "choose:browse", "browse")
    s.shoot(kiosk.proc, "browse", language)
    if s.wanted("detail"):
        tap_first(kiosk, "card:")
        expect(kiosk, "detail")
        s.shoot(kiosk.proc, "detail", language)
        go(kiosk, "back", "browse")
    go(kiosk, "back", "start")

    to_title(s, kiosk, language, title)
    go(kiosk, "next", "submit_description")
    type_text(kiosk, description)
    if s.wanted("submit_description"):
        s.shoot(kiosk.proc, "submit_description", language)
    go(kiosk, "next", "submit_name")
    type_text(kiosk, author)
    if s.wanted("submit_name"):
        s.shoot(kiosk.proc, "submit_name", language)
    tap(kiosk, "next")
    view = expect(kiosk, "submit_similar", "submit_review")
    if view["screen"] == "submit_similar":
        if s.wanted("submit_similar"):
            s.shoot(kiosk.proc, "submit_similar", language)
        go(kiosk, "next", "submit_review")
    elif s.wanted("submit_similar"):
        print(f"  (no similar ideas for the {language} title: no submit_similar_{language})", file=sys.stderr)
    if s.wanted("submit_review"):
        s.shoot(kiosk.proc, "submit_review", language)
    go(kiosk, "send", "thanks")
    s.shoot(kiosk.proc, "thanks", language)
    go(kiosk, "thanks:next", "start")

    if s.wanted("idle"):
        # Hands off: after the idle timeout the kiosk asks whether anyone is still there.
        if kiosk.wait_for(lambda v: v.get("idle_warning"), s.args.idle_timeout + 10) is None:
            raise RuntimeError("the idle question did not come")
        s.shoot(kiosk.proc, "idle", language)
        tap(kiosk, "still_here")
        # "Fertig" lies under the question: tap it only once the question is gone.
        kiosk.wait_for(lambda v: not v.get("idle_warning"), 5.0)
        time.sleep(0.3)
    go(kiosk, "done", "attract")


def reading_switches(s, kiosk, language):
    """The same attendee screens in large text ("<screen>_large_…"), and the start and browse screens in high
    contrast ("<screen>_contrast_…"): switched on the start screen, gone again after "Fertig"."""
    title = TYPED[language][0]
    start_in(kiosk, language)
    switch(kiosk, "text_size", "large_text", True)
    s.shoot(kiosk.proc, "start_large", language)
    tap(kiosk, "languages")
    s.shoot(kiosk.proc, "languages_large", language)
    tap(kiosk, "languages:close")
    go(kiosk, "choose:browse", "browse")
    s.shoot(kiosk.proc, "browse_large", language)
    go(kiosk, "back", "start")
    to_title(s, kiosk, language, title, "_large")
    if s.wanted("submit_similar"):
        # On to the similar ideas (description and name left empty: "Überspringen"), then back step by step.
        go(kiosk, "next", "submit_description")
        go(kiosk, "next", "submit_name")
        tap(kiosk, "next")
        view = expect(kiosk, "submit_similar", "submit_review")
        if view["screen"] == "submit_similar":
            s.shoot(kiosk.proc, "submit_similar_large", language)
        for screen in ("submit_name", "submit_description", "submit_title"):
            go(kiosk, "back", screen)
    go(kiosk, "back", "submit_category")
    go(kiosk, "back", "start")
    switch(kiosk, "text_size", "large_text", False)
    switch(kiosk, "contrast", "high_contrast", True)
    s.shoot(kiosk.proc, "start_contrast", language)
    go(kiosk, "choose:browse", "browse")
    s.shoot(kiosk.proc, "browse_contrast", language)
    go(kiosk, "done", "attract")


def open_keypad(kiosk):
    """A held corner opens the PIN keypad."""
    expect(kiosk, "attract")
    kd.xdotool("mousemove", 15, 15, "mousedown", 1)
    time.sleep(3.6)
    kd.xdotool("mouseup", 1)
    expect(kiosk, "pin_pad")


def moderators(s, kiosk):
    """The PIN opens the panel; in it the moderators choose their language (the panel's own choice, not the
    attendee's), and each tab is shot in it; the keypad, opened again, then speaks that language too."""
    open_keypad(kiosk)
    for digit in "2468":
        tap(kiosk, "pin:" + digit)
    go(kiosk, "pin:ok", "moderation")
    for language in s.args.languages:
        if not kiosk.wait_for(lambda v: kd.Kiosk.elements(v, "panel:language"), 5.0):
            raise RuntimeError("the panel has no language button")
        tap(kiosk, "panel:language")
        if not kiosk.wait_for(lambda v: kd.Kiosk.elements(v, "panel:lang:" + language), 5.0):
            print(f"  the panel does not offer {language}", file=sys.stderr)
            tap(kiosk, "panel:lang:cancel")
            continue
        tap(kiosk, "panel:lang:" + language)
        if not kiosk.wait_for(lambda v: v.get("panel", {}).get("language") == language, 5.0):
            raise RuntimeError(f"the panel did not switch to {language}")
        tap(kiosk, "tab:ideas")
        tap_first(kiosk, "row:")
        s.shoot(kiosk.proc, "moderation", language)
        # Every other tab; on the sessions tab with the first session chosen.
        for tab, name, row in (("pending", "review", None), ("sessions", "sessions", "session:"), ("log", "log", None),
                               ("control", "control", None)):
            tap(kiosk, "tab:" + tab)
            if row:
                tap_first(kiosk, row)
            s.shoot(kiosk.proc, "moderation_" + name, language)
        # The keypad follows the panel's language.
        go(kiosk, "panel:close", "attract")
        open_keypad(kiosk)
        for digit in "24":
            tap(kiosk, "pin:" + digit)
        s.shoot(kiosk.proc, "pin_pad", language)
        for digit in "68":
            tap(kiosk, "pin:" + digit)
        go(kiosk, "pin:ok", "moderation")
    go(kiosk, "panel:close", "attract")


def projector(s, binary, db):
    automation = os.path.join(s.args.work, "projector.json")
    if os.path.exists(automation):
        os.remove(automation)
    with open(os.path.join(s.args.work, "projector.log"), "ab") as log:
        proc = subprocess.Popen([binary, "--db", db, "projector", "--allow-exit", "--automation", automation,
                                 "--screenshot", s.shot], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            if os.path.exists(automation):
                break
            time.sleep(0.1)
        started = time.monotonic()
        time.sleep(2.0)  # the bars have grown
        s.shoot(proc, "projector", "de")
        # The projector speaks each language in turn (PROJECTOR_TURNS, 8 s each, from its start, which is a moment
        # before its automation file appears): each language is shot in the middle of its turn.
        for language in s.args.languages:
            if language == "de" or language not in PROJECTOR_TURNS:
                continue
            middle = (PROJECTOR_TURNS.index(language) + 0.5) * PROJECTOR_TURN_SECONDS
            time.sleep(max(0.0, middle - (time.monotonic() - started)))
            s.shoot(proc, "projector", language)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--size", required=True, help="the display's size, WxH")
    parser.add_argument("--languages", default="de,tr,en")
    parser.add_argument("--main-only", action="store_true", help="only the main screens")
    parser.add_argument("--only-moderators", action="store_true", help="only the PIN keypad and the panel")
    parser.add_argument("--idle-timeout", type=int, default=10)
    parser.add_argument("--reading", action="store_true", help="also the screens in large text and high contrast")
    args = parser.parse_args()
    args.languages = args.languages.split(",")
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    s = Shooter(args)
    try:
        kiosk_screens(s, args.bin, args.db)
        if not args.only_moderators:
            projector(s, args.bin, args.db)
    except RuntimeError as e:
        print(f"screenshots at {args.size} stopped: {e} (kiosk log: {os.path.join(args.work, 'kiosk.log')})",
              file=sys.stderr)
        return 1
    finally:
        kd.x_flush()
    print(f"{len(s.taken)} screenshots at {args.size}" + (f", {len(s.missed)} missed" if s.missed else ""))
    return 0 if not s.missed else 1


if __name__ == "__main__":
    sys.exit(main())
