// A phone in Debian's chromium (headless, phone viewport, touch): the page at 200 % zoom and in a screen reader's
// order, the topic filter and the list's order, an idea's page, vote, take back, budget exhausted, submit with a
// similar idea shown first, language switch; every step checked in the database with sqlite3.
// Usage: node phone_flow.mjs URL DATABASE
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const [url, db] = process.argv.slice(2);
const sql = (query) => execFileSync('sqlite3', [db, query]).toString().trim();
const liveVotes = () => sql("SELECT count(*) FROM votes v JOIN sessions s ON s.id = v.session_id WHERE s.source = 'phone' " +
  "AND v.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)");
let failures = 0;
const check = (ok, what) => { if (!ok) { failures++; console.error('FAIL: ' + what); } else { console.log('ok: ' + what); } };

// What a screen reader reads, in its order (Playwright's ARIA snapshot, one line per node): the header's heading,
// then the ideas' heading, the list, and the action after it.
async function checkReadingOrder(page, what) {
  const lines = (await page.locator('body').ariaSnapshot()).split('\n');
  const at = (pattern) => lines.findIndex((line) => pattern.test(line));
  const order = [at(/heading ".+" \[level=1\]/), at(/heading "Ideen" \[level=2\]/), at(/^\s*- list/),
    at(/button "Eigene Idee einreichen"/)];
  check(order.every((n, i) => n >= 0 && (i === 0 || n > order[i - 1])),
    what + ': a screen reader hears heading, ideas heading, list, then the action (lines ' + order.join(', ') + ')');
  // The reading order is the visual order: each element after the previous one, below it or right of it on its row.
  const jumps = await page.evaluate(() => {
    const shown = [...document.querySelectorAll('h1, nav button, #budget, h2, select, #idea-list li, #new-idea')]
      .filter((e) => e.getClientRects().length > 0);
    const found = [];
    for (let i = 1; i < shown.length; i++) {
      const a = shown[i - 1].getBoundingClientRect();
      const b = shown[i].getBoundingClientRect();
      const sameRow = b.top < a.bottom - 1 && a.top < b.bottom - 1;
      if (sameRow ? b.left < a.left - 1 : b.top < a.bottom - 1) found.push((shown[i].id || shown[i].tagName) + ' before ' + (shown[i - 1].id || shown[i - 1].tagName));
    }
    return found;
  });
  check(jumps.length === 0, what + ': the reading order is the visual order: ' + jumps.join('; '));
}

// Nothing may need sideways scrolling, and every control keeps its 44 CSS px.
async function checkReflow(page, what) {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const shown = [...document.querySelectorAll('body *')].filter((e) => e.getClientRects().length > 0);
    const name = (e) => '#' + (e.id || e.className || e.tagName) + ' ' + (e.textContent || '').slice(0, 20);
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      outside: shown.filter((e) => { const r = e.getBoundingClientRect(); return r.right > width + 0.5 || r.left < -0.5; })
        .map(name).slice(0, 5),
      small: shown.filter((e) => e.matches('button, select, input, textarea'))
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).map(name).slice(0, 5),
    };
  });
  check(found.scrollWidth <= found.width && found.outside.length === 0,
    what + ': nothing needs sideways scrolling: ' + JSON.stringify(found));
  check(found.small.length === 0, what + ': every control is at least 44 px: ' + found.small.join('; '));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true, locale: 'de-DE' });
  const page = await context.newPage();
  const consoleErrors = [];
  // A refused vote (409) is expected and logged by chromium; a CSP violation or a script error is not.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 409')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('button.vote[data-idea="1"]');
  check(await page.textContent('#browse-heading') === 'Ideen', 'German first');

  // Targets are at least 44 CSS px.
  const box = await page.locator('button.vote[data-idea="1"]').boundingBox();
  check(box && box.height >= 44 && box.width >= 44, 'vote button is at least 44 px: ' + JSON.stringify(box));
  await checkReadingOrder(page, '100 %');
  await checkReflow(page, '100 %');
  // 200 % zoom: the browser lays the page out in half the CSS pixels, 195 of this phone's 390.
  await page.setViewportSize({ width: 195, height: 422 });
  await checkReflow(page, '200 %, ideas');
  await checkReadingOrder(page, '200 %');
  await page.tap('#new-idea');
  await checkReflow(page, '200 %, the form');
  await page.tap('#submit .back');
  await page.tap('#idea-list li:first-child button.open');
  await checkReflow(page, '200 %, an idea');
  await page.tap('#detail .back');
  await page.setViewportSize({ width: 390, height: 844 });

  // The topic filter and the order change the list; an idea's own page shows what is stored.
  const listed = async () => (await page.locator('#idea-list li').allTextContents()).map((s) => s.trim());
  await page.selectOption('#filter-category', 'sprache');
  let items = await listed();
  check(items.length === 1 && items[0].includes('Sprachcafé im Glashaus'),
    'the topic filter lists only its ideas: ' + JSON.stringify(items));
  await page.selectOption('#filter-category', '');
  await page.selectOption('#order', 'newest');
  items = await listed();
  check(items.length === 3 && items[0].includes('Fußballturnier der Kulturen') && items[2].includes('Stadtrundfahrten'),
    'newest first: ' + JSON.stringify(items));
  await page.selectOption('#order', 'number');
  items = await listed();
  check(items.length === 3 && items[0].includes('Stadtrundfahrten mit Migranten'), 'by number, #1 first: ' + JSON.stringify(items));
  await page.tap('#idea-list li:nth-child(2) button.open');
  await page.waitForSelector('#detail:not([hidden])');
  const detailTitle = await page.textContent('#detail-title');
  check(detailTitle === '#2 Sprachcafé im Glashaus', "an idea's page names it with its number: " + detailTitle);
  const detailMeta = await page.textContent('#detail-meta');
  check(detailMeta.includes('Sprache'), "an idea's page names its topic: " + detailMeta);
  await page.tap('#detail .back');

  await page.tap('button.vote[data-idea="1"]');
  await page.waitForSelector('button.vote[data-idea="1"][aria-pressed="true"]');
  check(liveVotes() === '1', 'tap to vote: one live phone vote in the database');
  await page.tap('button.vote[data-idea="2"]');
  await page.waitForSelector('button.vote[data-idea="2"][aria-pressed="true"]');
  check(liveVotes() === '2', 'second vote stored');
  await page.tap('button.vote[data-idea="3"]');
  await page.waitForSelector('#notice:not([hidden])');
  check((await page.textContent('#notice')).includes('Alle Ihre Stimmen'), 'budget exhausted is said in German');
  check(liveVotes() === '2', 'budget exhausted: still two votes');

  await page.tap('button.vote[data-idea="1"]');
  await page.waitForSelector('button.vote[data-idea="1"][aria-pressed="false"]');
  check(liveVotes() === '1', 'take back: one live vote left');
  check(sql("SELECT count(*) FROM votes WHERE kind = 'retract'") === '1', 'the take-back is an event in the log');

  // Submit: a similar idea is shown first, then the idea is saved with its number.
  await page.tap('#new-idea');
  await page.fill('#f-title', 'Stadtrundfahrt mit Migrantinnen');
  await page.tap('#f-send');
  await page.waitForSelector('#similar:not([hidden])');
  check((await page.textContent('#similar-list')).includes('Stadtrundfahrten mit Migranten'), 'the similar idea is shown first');
  check(sql("SELECT count(*) FROM ideas WHERE title = 'Stadtrundfahrt mit Migrantinnen'") === '0', 'nothing saved yet');
  await page.tap('#f-send');
  await page.waitForSelector('#thanks:not([hidden])');
  const number = sql("SELECT number FROM ideas WHERE title = 'Stadtrundfahrt mit Migrantinnen'");
  check(number !== '', 'the idea is stored');
  check((await page.textContent('#thanks-text')).includes(number), 'thank-you names number ' + number);
  check(sql("SELECT s.source FROM ideas i JOIN sessions s ON s.id = i.session_id WHERE i.number = " + number) === 'phone',
    'the idea belongs to the phone session');

  // Language switch.
  await page.tap('button[data-lang="tr"]');
  check(await page.getAttribute('html', 'lang') === 'tr', 'html lang follows the language');
  await page.tap('#thanks .back');
  check(await page.textContent('#browse-heading') === 'Fikirler', 'Turkish texts after the switch');
  await page.tap('button[data-lang="en"]');
  check(await page.textContent('#new-idea') === 'Submit your own idea', 'English texts');
  // Leichte Sprache: its own texts, the page marked as German, an idea stored as German.
  await page.tap('button[data-lang="de-einfach"]');
  check(await page.textContent('#new-idea') === 'Eigene Idee schreiben', 'Leichte Sprache texts');
  check(await page.getAttribute('html', 'lang') === 'de', 'Leichte Sprache is marked as German');
  await page.tap('#new-idea');
  await page.fill('#f-title', 'Sprachcafé für Nachbarn in einfacher Sprache');
  await page.tap('#f-send');
  await page.waitForSelector('#thanks:not([hidden]), #similar:not([hidden])');
  if (await page.isVisible('#similar')) await page.tap('#f-send');
  await page.waitForSelector('#thanks:not([hidden])');
  check(sql("SELECT language FROM ideas WHERE title = 'Sprachcafé für Nachbarn in einfacher Sprache'") === 'de',
    'an idea written in Leichte Sprache is stored as German');
  check(consoleErrors.length === 0, 'no console errors, CSP violations or 404s: ' + consoleErrors.join(' | '));
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
