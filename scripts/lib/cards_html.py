"""A static HTML page of the published idea cards, for the bench's browser kiosk beside ours.

Reads the CSV of `ideenkiosk export ideas` (the same database, the same counts) and writes one page with a card per
published idea: number, topic, title, two lines of description, the count and a vote button, sized for a 1080 px
tall screen like the kiosk's browse list. The page reports, on chromium's log (console.log), when it first painted
and, once scrolled through by itself, the requestAnimationFrame timestamps of the scroll.

Usage: python3 cards_html.py IDEAS.csv OUT.html [SCROLL_SECONDS]
"""
import csv
import html
import sys
import zlib

STYLE = """
body { margin: 0; background: #eef0f5; font-family: 'Noto Sans', sans-serif; font-size: 30px; color: #1d2433; }
main { width: 1440px; margin: 0 auto; padding: 20px 0; }
.card { display: flex; background: #fff; border-radius: 12px; margin-bottom: 20px; padding: 20px 20px 20px 30px;
        border-left: 10px solid var(--topic); height: 172px; box-sizing: border-box; }
.text { flex: 1; min-width: 0; }
.number { font-weight: bold; color: #5a6275; }
.chip { font-size: 24px; margin-left: 20px; padding: 2px 12px; border-radius: 12px; background: #e4e8f0; }
.title { font-weight: bold; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin: 6px 0; }
.description { color: #5a6275; font-size: 26px; display: -webkit-box; -webkit-line-clamp: 2;
               -webkit-box-orient: vertical; overflow: hidden; }
.vote { width: 260px; display: flex; flex-direction: column; align-items: center; justify-content: center; }
button { font: bold 28px 'Noto Sans', sans-serif; width: 260px; height: 90px; border: 0; border-radius: 12px;
         background: #1f5fbf; color: #fff; }
"""

# First paint from the Paint Timing API (epoch ms), then a scroll through the list driven by requestAnimationFrame
# at a finger's fling speed; each frame's timestamp goes to the log for the bench to read.
SCRIPT = """
const scrollSeconds = %s;
function report(line) { console.log('ideen-bench ' + line); }
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.name === 'first-contentful-paint') report('first-paint-epoch-ms ' + (performance.timeOrigin + e.startTime));
  }
}).observe({type: 'paint', buffered: true});
window.startScroll = () => {
  const stamps = [];
  const step = (t) => {
    stamps.push(t);
    window.scrollBy(0, 50);
    if (stamps.length > 1 && t - stamps[0] > scrollSeconds * 1000) { report('frames ' + stamps.join(' ')); return; }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
};
if (location.hash === '#scroll') {
  setTimeout(() => { report('scroll-soon'); setTimeout(() => window.startScroll(), 1000); }, 3000);
}
"""


def card(row):
    count = row["votes"]
    return (f'<article class="card" style="--topic: #{zlib.crc32(row["category"].encode()) % 0xFFFFFF:06x}">'
            f'<div class="text"><div><span class="number">#{html.escape(row["number"])}</span>'
            f'<span class="chip">{html.escape(row["category_name"] or row["category"])}</span></div>'
            f'<div class="title">{html.escape(row["title"])}</div>'
            f'<div class="description">{html.escape(row["description"])}</div></div>'
            f'<div class="vote"><div>{html.escape(count)} Stimmen</div><button>Unterstützen</button></div></article>')


def main():
    source, target = sys.argv[1], sys.argv[2]
    scroll_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 6.0
    with open(source, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "published"]
    with open(target, "w", encoding="utf-8") as out:
        out.write('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ideen</title>'
                  f"<style>{STYLE}</style></head><body><main>")
        out.write("".join(card(r) for r in rows))
        out.write(f"</main><script>{SCRIPT % scroll_seconds}</script></body></html>\n")
    print(len(rows))


if __name__ == "__main__":
    main()
