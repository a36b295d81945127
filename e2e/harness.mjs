// Shared set-up for the end-to-end tests: Debian's Chromium, driven by
// playwright-core (no browser download), against the page served by the
// README's serve command (scripts/test.sh starts it and sets PACTLENS_URL).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const BASE = process.env.PACTLENS_URL ?? 'http://127.0.0.1:8080/';
export const SHARED = process.env.PACTLENS_SHARED ?? path.resolve(import.meta.dirname, '../../shared');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Launches headless Chromium with a fresh profile. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens the app in a new page and records what a test may want to assert:
 * console errors, uncaught exceptions, dialogs, requests to other origins.
 */
export async function openApp(browser, url = BASE) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const seen = { consoleErrors: [], pageErrors: [], dialogs: [], foreignRequests: [] };
  const origin = new URL(BASE).origin;
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.foreignRequests.push(u);
  });
  await page.goto(url);
  await page.waitForSelector('#input');
  return { context, page, seen };
}

/** Replaces the article text as a paste would, and waits for the view. */
export async function pasteText(page, text) {
  await page.fill('#input', text);
  await waitAnnotated(page, text.length); // UTF-16 units on both sides
}

/** Waits until the article shows `length` UTF-16 units and its marks are for that text. */
export async function waitAnnotated(page, length) {
  await page.waitForFunction(
    (n) => {
      const a = document.querySelector('#article');
      return a && (n === 0 || (a.dataset.pending === 'false' && a.textContent.length === n));
    },
    length,
    { polling: 50 }, // not every frame: the article's text may be megabytes
  );
}

/** The marks in the article as [text, label] pairs, in order. */
export function marks(page) {
  return page.$$eval('#article mark', (ms) => ms.map((m) => [m.textContent, m.dataset.label]));
}

/** The seed article's text from the shared gold data. */
export function seedText() {
  const line = readFileSync(path.join(SHARED, 'data/dev/seed.jsonl'), 'utf8').split('\n')[0];
  return JSON.parse(line).text;
}

/**
 * Selects the `occurrence`-th appearance (0-based) of `needle` in the
 * article's text, across mark boundaries, as a reader's drag would.
 */
export async function selectInArticle(page, needle, occurrence = 0) {
  const found = await page.evaluate(([needle, occurrence]) => {
    // A reader's drag in the article takes the focus out of the text area.
    document.activeElement?.blur();
    const article = document.querySelector('#article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, text.length]);
      text += n.data;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) return false;
    }
    const locate = (offset) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
      }
      return null;
    };
    const [sn, so] = locate(at);
    const [en, eo] = locate(at + needle.length);
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, [needle, occurrence]);
  if (!found) throw new Error(`"${needle}" not found in the article`);
  await page.waitForSelector('.inspector:not(.idle)');
}

/** The mark (text, label) pairs whose text equals `text`. */
export async function marksOf(page, text) {
  return (await marks(page)).filter(([t]) => t === text);
}
